package org.harmony.dsar.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * Mails the members of the task's {@code alertGroup} that the appeal is due soon, or overdue ({@code appealOverdue}),
 * once per process instance, step and due date.
 */
@Component
class AlertAppealReviewersDelegate implements JavaDelegate {

    private final Appeals appeals;

    AlertAppealReviewersDelegate(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.alert(DsarVariables.REQUEST_ID.from(execution), AppealVariables.ALERT_GROUP.from(execution),
                AppealVariables.APPEAL_OVERDUE.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
