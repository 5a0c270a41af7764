package org.harmony.dsar.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.breach.BreachNoticeProgress;
import org.springframework.stereotype.Component;

/** Records that every notice is sent or failed, and keeps the counts for the DPO. */
@Component
class CompleteNoticesDelegate implements JavaDelegate {

    private final BreachNoticeProgress breaches;

    CompleteNoticesDelegate(BreachNoticeProgress breaches) {
        this.breaches = breaches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BreachNoticeProgress.Progress progress = breaches.completeNotices(BreachVariables.BREACH_ID.from(execution));
        BreachVariables.NOTICES_SENT.on(execution, progress.sent());
        BreachVariables.NOTICES_FAILED.on(execution, progress.failed());
    }
}
