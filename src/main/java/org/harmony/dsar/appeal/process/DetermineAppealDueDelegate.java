package org.harmony.dsar.appeal.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Asks the AppealPeriods decision table when the appeal must be decided, and when to remind the reviewers. */
@Component
class DetermineAppealDueDelegate implements JavaDelegate {

    private final Appeals appeals;

    DetermineAppealDueDelegate(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appeals.Due due = appeals.scheduleDecision(DsarVariables.REQUEST_ID.from(execution));
        DsarVariables.DUE_AT.on(execution, Date.from(due.dueAt()));
        AppealVariables.APPEAL_REMINDER_AT.on(execution, Date.from(due.reminderAt()));
    }
}
