package org.harmony.dsar.appeal.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Extends the appeal's due date once by the extension of AppealPeriods.dmn (Colorado: 60 days). */
@Component
class ExtendAppealDeadlineDelegate implements JavaDelegate {

    private final Appeals appeals;

    ExtendAppealDeadlineDelegate(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appeals.Due due = appeals.extend(DsarVariables.REQUEST_ID.from(execution));
        DsarVariables.DUE_AT.on(execution, Date.from(due.dueAt()));
        AppealVariables.APPEAL_REMINDER_AT.on(execution, Date.from(due.reminderAt()));
    }
}
