package org.harmony.dsar.deadline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Recalculates the case's deadline timers after a step that may have changed {@code dueAt} (identity verification
 * restarts the clock where the law says so), so reminders and the breach follow the new due date.
 */
@Component
class RecalculateDeadlineTimersListener implements ExecutionListener {

    private final CaseDueDates caseDueDates;

    RecalculateDeadlineTimersListener(CaseDueDates caseDueDates) {
        this.caseDueDates = caseDueDates;
    }

    @Override
    public void notify(DelegateExecution execution) {
        caseDueDates.recalculateTimers(execution.getProcessInstanceId());
    }
}
