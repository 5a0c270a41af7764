package org.harmony.dsar.breach.process;

import java.util.Date;
import java.util.List;

import org.harmony.dsar.breach.BreachNotices;
import org.harmony.dsar.kernel.process.ProcessVariable;

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
    public static final ProcessVariable<BreachNotices.SlotOutcome> SENDER_OUTCOME =
            ProcessVariable.ofEnum("senderOutcome", BreachNotices.SlotOutcome.class);
    /** Why notices are late, a code from "Handle late breach notices" (SMTP_OUTAGE, ...); kept in history. */
    public static final ProcessVariable<String> LATE_NOTICES_CAUSE = ProcessVariable.of("lateNoticesCause", String.class);
    /** What the DPO did about late notices ("Handle late breach notices"); no personal data, kept in history. */
    public static final ProcessVariable<String> LATE_NOTICES_ACTIONS = ProcessVariable.of("lateNoticesActions", String.class);
    public static final ProcessVariable<Long> RECIPIENT_COUNT = ProcessVariable.of("recipientCount", Long.class);
    public static final ProcessVariable<Long> NOTICES_SENT = ProcessVariable.of("noticesSent", Long.class);
    public static final ProcessVariable<Long> NOTICES_FAILED = ProcessVariable.of("noticesFailed", Long.class);
    public static final ProcessVariable<Long> NOTICES_PENDING = ProcessVariable.of("noticesPending", Long.class);
    /** Local input of the alert task: a DpoAlerts.Alert name. */
    public static final ProcessVariable<String> BREACH_ALERT = ProcessVariable.of("breachAlert", String.class);
    /** Submitted with the authority task. */
    public static final ProcessVariable<String> AUTHORITY_NAME = ProcessVariable.of("authorityName", String.class);
    public static final ProcessVariable<String> AUTHORITY_REFERENCE = ProcessVariable.of("authorityReference", String.class);
    public static final ProcessVariable<String> AUTHORITY_DELAY_REASON =
            ProcessVariable.of("authorityDelayReason", String.class);

    // ---- The DPO's start form in Tasklist (RecordBreachForm): read once into the breach record, then removed -------
    public static final ProcessVariable<String> BREACH_DESCRIPTION = ProcessVariable.of("breachDescription", String.class);
    /** When the company became aware (ISO-8601 date-time); empty: now. */
    public static final ProcessVariable<String> DETECTED_AT = ProcessVariable.of("detectedAt", String.class);
    public static final ProcessVariable<Object> AFFECTED_SOURCES = ProcessVariable.of("affectedSources", Object.class);
    public static final ProcessVariable<Object> AFFECTED_CATEGORIES =
            ProcessVariable.of("affectedCategories", Object.class);
    public static final ProcessVariable<Object> BREACH_JURISDICTIONS =
            ProcessVariable.of("breachJurisdictions", Object.class);
    public static final ProcessVariable<String> CONSEQUENCES = ProcessVariable.of("consequences", String.class);
    public static final ProcessVariable<String> MEASURES = ProcessVariable.of("measures", String.class);
    public static final ProcessVariable<String> SUBJECT_ACTIONS = ProcessVariable.of("subjectActions", String.class);
    public static final ProcessVariable<String> CONTACT = ProcessVariable.of("contact", String.class);
    static final List<ProcessVariable<?>> START_FORM_FIELDS = List.of(BREACH_DESCRIPTION, DETECTED_AT,
            AFFECTED_SOURCES, AFFECTED_CATEGORIES, BREACH_JURISDICTIONS, CONSEQUENCES, MEASURES, SUBJECT_ACTIONS,
            CONTACT);

    /**
     * Start form only ("Record a breach"): the catalogue's sources and data categories its selects offer, filled into
     * the form in the browser from {@code /api/breaches/choices}; never process variables.
     */
    public static final ProcessVariable<Object> SOURCE_CHOICES = ProcessVariable.of("sourceChoices", Object.class);
    public static final ProcessVariable<Object> CATEGORY_CHOICES = ProcessVariable.of("categoryChoices", Object.class);

    private BreachVariables() {
    }
}
