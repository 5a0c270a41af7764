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
        BreachVariables.RECIPIENT_COUNT.onLocal(task, progress.recipients());
        BreachVariables.NOTICES_SENT.onLocal(task, progress.sent());
        BreachVariables.NOTICES_FAILED.onLocal(task, progress.failed());
        BreachVariables.NOTICES_PENDING.onLocal(task, progress.pending());
    }
}
