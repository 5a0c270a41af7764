package org.harmony.dsar.breach.process;

import java.util.Date;

import org.harmony.dsar.system.process.ProcessVariable;

/**
 * The variables of BreachNotificationProcess: references, deadlines and counts. Affected people and their addresses
 * stay in the project's tables.
 */
public final class BreachVariables {

    public static final String PROCESS_KEY = "BreachNotificationProcess";

    public static final ProcessVariable<String> BREACH_ID = ProcessVariable.of("breachId", String.class);
    public static final ProcessVariable<String> BREACH_REFERENCE = ProcessVariable.of("breachReference", String.class);
    /** Every affected person must have had the notice by then: the company's promise or the law, whichever first. */
    public static final ProcessVariable<Date> NOTICE_DUE_AT = ProcessVariable.of("noticeDueAt", Date.class);
    /** The supervisory authority must have been told by then (72 hours from detection, or earlier by law). */
    public static final ProcessVariable<Date> AUTHORITY_DUE_AT = ProcessVariable.of("authorityDueAt", Date.class);
    /** How many senders (parallel jobs) share the notices. */
    public static final ProcessVariable<Integer> SENDING_SLOTS = ProcessVariable.of("sendingSlots", Integer.class);
    /** Local to one sender: MORE, WAITING or DONE after its last job. */
    public static final ProcessVariable<String> SENDER_OUTCOME = ProcessVariable.of("senderOutcome", String.class);
    /** Why notices are late, a code from "Handle late breach notices" (SMTP_OUTAGE, ...); kept in history. */
    public static final ProcessVariable<String> LATE_NOTICES_CAUSE = ProcessVariable.of("lateNoticesCause", String.class);
    /** What the DPO did about late notices ("Handle late breach notices"); no personal data, kept in history. */
    public static final ProcessVariable<String> LATE_NOTICES_ACTIONS = ProcessVariable.of("lateNoticesActions", String.class);
    public static final ProcessVariable<Long> RECIPIENT_COUNT = ProcessVariable.of("recipientCount", Long.class);
    public static final ProcessVariable<Long> NOTICES_SENT = ProcessVariable.of("noticesSent", Long.class);
    public static final ProcessVariable<Long> NOTICES_FAILED = ProcessVariable.of("noticesFailed", Long.class);
    public static final ProcessVariable<Long> NOTICES_PENDING = ProcessVariable.of("noticesPending", Long.class);
    /** Local input of the alert task: a BreachService.Alert name. */
    public static final ProcessVariable<String> BREACH_ALERT = ProcessVariable.of("breachAlert", String.class);
    /** Submitted with the authority task. */
    public static final ProcessVariable<String> AUTHORITY_NAME = ProcessVariable.of("authorityName", String.class);
    public static final ProcessVariable<String> AUTHORITY_REFERENCE = ProcessVariable.of("authorityReference", String.class);
    public static final ProcessVariable<String> AUTHORITY_DELAY_REASON =
            ProcessVariable.of("authorityDelayReason", String.class);

    private BreachVariables() {
    }
}
