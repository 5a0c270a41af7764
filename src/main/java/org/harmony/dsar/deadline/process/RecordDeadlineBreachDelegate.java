package org.harmony.dsar.deadline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.deadline.DeadlineAlerts;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Records the deadline breach in the request's audit trail and notifies the group in {@code reminderGroup}. */
@Component
class RecordDeadlineBreachDelegate implements JavaDelegate {

    private final DeadlineAlerts alerts;

    RecordDeadlineBreachDelegate(DeadlineAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.recordBreach(DsarVariables.REQUEST_ID.from(execution), DsarVariables.REMINDER_GROUP.from(execution),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
