package org.harmony.dsar.deadline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.deadline.DeadlineAlerts;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Reminds the group named by the task's {@code reminderGroup} input that the request is due soon. */
@Component
class RemindWorkingGroupDelegate implements JavaDelegate {

    private final DeadlineAlerts alerts;

    RemindWorkingGroupDelegate(DeadlineAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.remind(DsarVariables.REQUEST_ID.from(execution), DsarVariables.REMINDER_GROUP.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
