package org.harmony.dsar.breach.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.breach.BreachNoticeProgress;
import org.springframework.stereotype.Component;

/** Shows the DPO, on a breach task, how far the notices are: counts as variables local to the task. */
@Component
class DescribeBreachProgressListener implements TaskListener {

    private final BreachNoticeProgress breaches;

    DescribeBreachProgressListener(BreachNoticeProgress breaches) {
        this.breaches = breaches;
    }

    @Override
    public void notify(DelegateTask task) {
        BreachNoticeProgress.Progress progress = breaches.progress(BreachVariables.BREACH_ID.from(task));
        task.setVariableLocal(BreachVariables.RECIPIENT_COUNT.name(), progress.recipients());
        task.setVariableLocal(BreachVariables.NOTICES_SENT.name(), progress.sent());
        task.setVariableLocal(BreachVariables.NOTICES_FAILED.name(), progress.failed());
        task.setVariableLocal(BreachVariables.NOTICES_PENDING.name(), progress.pending());
    }
}
