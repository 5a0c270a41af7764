package org.harmony.dsar.intake.process;

import java.util.Date;

import org.harmony.dsar.system.process.ProcessVariable;

/**
 * The variables of DsarProcess and the stages it calls. They carry references and decisions only: the
 * requester's personal data stays in the project's tables.
 */
public final class DsarVariables {

    public static final String PROCESS_KEY = "DsarProcess";

    public static final ProcessVariable<String> REQUEST_ID = ProcessVariable.of("requestId", String.class);
    public static final ProcessVariable<String> REQUEST_REFERENCE = ProcessVariable.of("requestReference", String.class);
    public static final ProcessVariable<String> REQUEST_TYPE = ProcessVariable.of("requestType", String.class);
    public static final ProcessVariable<String> JURISDICTION = ProcessVariable.of("jurisdiction", String.class);
    public static final ProcessVariable<String> RESPONSE_PERIOD = ProcessVariable.of("responsePeriod", String.class);
    /** How responsePeriod is counted: a DeadlineCounting name (CALENDAR, CALENDAR_TO_WORKING_DAY, BUSINESS_DAYS). */
    public static final ProcessVariable<String> DEADLINE_COUNTING = ProcessVariable.of("deadlineCounting", String.class);
    /** Business days within which receipt must be acknowledged (ISO-8601 period), where the law sets one. */
    public static final ProcessVariable<String> ACKNOWLEDGEMENT_PERIOD =
            ProcessVariable.of("acknowledgementPeriod", String.class);
    public static final ProcessVariable<Date> DUE_AT = ProcessVariable.of("dueAt", Date.class);
    public static final ProcessVariable<Boolean> IDENTITY_VERIFIED = ProcessVariable.of("identityVerified", Boolean.class);
    public static final ProcessVariable<Boolean> LEGAL_HOLD_ACTIVE = ProcessVariable.of("legalHoldActive", Boolean.class);
    public static final ProcessVariable<String> LOOKUP_SUMMARY = ProcessVariable.of("lookupSummary", String.class);
    public static final ProcessVariable<String> PACKAGE_SUMMARY = ProcessVariable.of("packageSummary", String.class);
    /** What fulfilment did (erasure, corrections, suppression), for the reviewer; counts and sources only. */
    public static final ProcessVariable<String> FULFILMENT_NOTE = ProcessVariable.of("fulfilmentNote", String.class);
    /** Element variable of the multi-instance lookup: the catalogue source one lookup instance reads. */
    public static final ProcessVariable<String> SOURCE_NAME = ProcessVariable.of("sourceName", String.class);
    /** How many corrections the requester asked for that a source can apply. */
    public static final ProcessVariable<Long> CORRECTION_COUNT = ProcessVariable.of("correctionCount", Long.class);
    /** The compliance officer's decision on the corrections: APPLY or REJECT. */
    public static final ProcessVariable<String> CORRECTIONS_DECISION = ProcessVariable.of("correctionsDecision", String.class);
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.of("reviewDecision", String.class);
    /** Why the reviewer denied the request, as a code the denial mail explains. */
    public static final ProcessVariable<String> DENIAL_REASON = ProcessVariable.of("denialReason", String.class);
    /** Local input of a mail-sending task: a reason code the mail explains (a denial's). */
    public static final ProcessVariable<String> MAIL_REASON = ProcessVariable.of("mailReason", String.class);
    /** Local input of a deadline reminder or breach task: the group it notifies. */
    public static final ProcessVariable<String> REMINDER_GROUP = ProcessVariable.of("reminderGroup", String.class);
    /** Local input of a mail-sending task: which template it sends. */
    public static final ProcessVariable<String> MAIL_TEMPLATE = ProcessVariable.of("mailTemplate", String.class);

    /** Message that the verification process waits for once the requester has entered the right code. */
    public static final String MESSAGE_EMAIL_VERIFIED = "EmailVerified";

    /** BPMN extension property naming the stage a request enters at an element. */
    public static final String STAGE_PROPERTY = "dsarStage";

    private DsarVariables() {
    }
}
