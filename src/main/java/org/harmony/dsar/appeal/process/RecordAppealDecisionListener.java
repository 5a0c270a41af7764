package org.harmony.dsar.appeal.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.appeal.AppealDecision;
import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * On completion of "Decide appeal": refuses a decision the appeal rules do not allow (no reasons, a second
 * extension, a reviewer who decided the request) and keeps the task open; otherwise records the decision with its
 * reasons in the appeal table and removes the reasons from the process.
 */
@Component
class RecordAppealDecisionListener implements TaskListener {

    private final Appeals appeals;

    RecordAppealDecisionListener(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestId = DsarVariables.REQUEST_ID.from(task);
        AppealDecision decision = AppealVariables.APPEAL_DECISION.fromOrNull(task);
        String reasons = AppealVariables.APPEAL_DECISION_REASONS.fromOrNull(task);
        String reviewer = TaskActors.completedBy(task);
        appeals.refusal(requestId, decision, reasons, reviewer).ifPresent(refusal -> {
            throw new BadUserRequestException(refusal);
        });
        appeals.recordDecision(requestId, decision, reasons, reviewer);
        AppealVariables.APPEAL_DECISION_REASONS.removeFrom(task.getExecution());
    }
}
