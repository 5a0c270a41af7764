package org.harmony.dsar.deadline.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.deadline.DeadlineService;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * Records the due date that follows from the decision table's response period; tasks and the deadline timers,
 * recalculated here, use it.
 */
@Component
class RecordDueDateDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final CaseDueDates caseDueDates;

    RecordDueDateDelegate(DeadlineService deadlines, CaseDueDates caseDueDates) {
        this.deadlines = deadlines;
        this.caseDueDates = caseDueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant dueAt = deadlines.recordDueDate(
                DsarVariables.REQUEST_ID.from(execution), DsarVariables.RESPONSE_PERIOD.from(execution),
                DsarVariables.DEADLINE_COUNTING.from(execution),
                DsarVariables.ACKNOWLEDGEMENT_PERIOD.fromOrNull(execution));
        DsarVariables.DUE_AT.on(execution, Date.from(dueAt));
        caseDueDates.recalculateTimers(execution.getProcessInstanceId());
    }
}
