package org.harmony.dsar.appeal.process;

import java.util.Date;

import org.harmony.dsar.appeal.AppealDecision;
import org.harmony.dsar.kernel.process.ProcessVariable;

/**
 * The variables of AppealProcess, beside requestId, requestReference, requestType, jurisdiction and dueAt (the
 * appeal's due date): decisions and dates only; the requester's statement stays in the appeal table.
 */
public final class AppealVariables {

    public static final String PROCESS_KEY = "AppealProcess";
    /** The message that starts AppealProcess, correlated by the appeal endpoint with business key = reference. */
    public static final String MESSAGE_APPEAL_RECEIVED = "AppealReceived";

    /** When the reviewers are reminded that the appeal is due soon (reminderBefore of AppealPeriods.dmn). */
    public static final ProcessVariable<Date> APPEAL_REMINDER_AT = ProcessVariable.of("appealReminderAt", Date.class);
    /** The reviewer's choice in "Decide appeal": GRANT, DENY or EXTEND. */
    public static final ProcessVariable<AppealDecision> APPEAL_DECISION =
            ProcessVariable.ofEnum("appealDecision", AppealDecision.class);
    /** The reviewer's reasons, mailed to the requester; moved to the appeal table on completion, never in history. */
    public static final ProcessVariable<String> APPEAL_DECISION_REASONS = ProcessVariable.of("appealDecisionReasons",
            String.class);
    /** The requester's statement, shown in "Decide appeal" only (task-local, form-only, never in history). */
    public static final ProcessVariable<String> APPEAL_STATEMENT = ProcessVariable.of("appealStatement", String.class);
    /** The group a reminder or escalation goes to (appealReviewers, dpo). */
    public static final ProcessVariable<String> ALERT_GROUP = ProcessVariable.of("alertGroup", String.class);
    /** Whether the alert says the appeal is overdue (true) or due soon (false). */
    public static final ProcessVariable<Boolean> APPEAL_OVERDUE = ProcessVariable.of("appealOverdue", Boolean.class);

    private AppealVariables() {
    }
}
