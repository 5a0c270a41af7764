package org.harmony.dsar.deadline.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.deadline.DeadlineService;
import org.harmony.dsar.intake.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Records the due date that follows from the decision table's response period; tasks and timers use it. */
@Component
class RecordDueDateDelegate implements JavaDelegate {

    private final DeadlineService deadlines;

    RecordDueDateDelegate(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant dueAt = deadlines.recordDueDate(
                DsarVariables.REQUEST_ID.from(execution), DsarVariables.RESPONSE_PERIOD.from(execution));
        DsarVariables.DUE_AT.on(execution, Date.from(dueAt));
    }
}
