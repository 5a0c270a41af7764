package org.harmony.dsar.request.process;

import java.util.Date;

import org.camunda.spin.json.SpinJsonNode;
import org.harmony.dsar.kernel.process.ProcessVariable;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DeadlineCounting;
import org.harmony.dsar.request.IdentityReviewDecision;
import org.harmony.dsar.request.LegalHoldOutcome;
import org.harmony.dsar.request.RequestType;
import org.harmony.dsar.request.ReviewDecision;
import org.harmony.dsar.request.SubjectRelationship;
import org.harmony.dsar.request.TransmissionDecision;
import org.harmony.dsar.request.VerificationOutcome;

/**
 * The variables of DsarProcess and the stages it calls. They carry references and decisions only: the
 * requester's personal data stays in the project's tables.
 */
public final class DsarVariables {

    public static final String PROCESS_KEY = "DsarProcess";

    public static final ProcessVariable<String> REQUEST_ID = ProcessVariable.of("requestId", String.class);
    public static final ProcessVariable<String> REQUEST_REFERENCE = ProcessVariable.of("requestReference", String.class);
    public static final ProcessVariable<RequestType> REQUEST_TYPE = ProcessVariable.ofEnum("requestType", RequestType.class);
    public static final ProcessVariable<String> JURISDICTION = ProcessVariable.of("jurisdiction", String.class);
    /** How the request reached the company: a Channel name (API, EMAIL, LETTER, PHONE, IN_PERSON). */
    public static final ProcessVariable<Channel> CHANNEL = ProcessVariable.ofEnum("channel", Channel.class);
    /** False for a request logged without an email address: answers go by post, fulfilment is done by hand. */
    public static final ProcessVariable<Boolean> REQUESTER_EMAIL_GIVEN =
            ProcessVariable.of("requesterEmailGiven", Boolean.class);
    public static final ProcessVariable<String> RESPONSE_PERIOD = ProcessVariable.of("responsePeriod", String.class);
    /** How responsePeriod is counted: a DeadlineCounting name (CALENDAR, CALENDAR_TO_WORKING_DAY, BUSINESS_DAYS). */
    public static final ProcessVariable<DeadlineCounting> DEADLINE_COUNTING =
            ProcessVariable.ofEnum("deadlineCounting", DeadlineCounting.class);
    /** Business days within which receipt must be acknowledged (ISO-8601 period), where the law sets one. */
    public static final ProcessVariable<String> ACKNOWLEDGEMENT_PERIOD =
            ProcessVariable.of("acknowledgementPeriod", String.class);
    public static final ProcessVariable<Date> DUE_AT = ProcessVariable.of("dueAt", Date.class);
    public static final ProcessVariable<Boolean> IDENTITY_VERIFIED = ProcessVariable.of("identityVerified", Boolean.class);
    public static final ProcessVariable<Boolean> LEGAL_HOLD_ACTIVE = ProcessVariable.of("legalHoldActive", Boolean.class);
    /**
     * What the legal-hold check decided (decision table LegalHoldOutcome, then the legal review): PROCEED,
     * PROCEED_PARTLY, LEGAL_REVIEW while the review is open, RECHECK after a release, DENY.
     */
    public static final ProcessVariable<LegalHoldOutcome> LEGAL_HOLD_OUTCOME =
            ProcessVariable.ofEnum("legalHoldOutcome", LegalHoldOutcome.class);
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
    public static final ProcessVariable<ReviewDecision> REVIEW_DECISION =
            ProcessVariable.ofEnum("reviewDecision", ReviewDecision.class);
    /** Why the reviewer denied the request, as a code the denial mail explains. */
    public static final ProcessVariable<String> DENIAL_REASON = ProcessVariable.of("denialReason", String.class);
    public static final ProcessVariable<String> FEE_AMOUNT = ProcessVariable.of("feeAmount", String.class);
    public static final ProcessVariable<String> FEE_REASON = ProcessVariable.of("feeReason", String.class);
    /**
     * "Review response", when the requester asked for their data to go to another controller (GDPR Art 20(2)):
     * {@code TRANSMIT} or {@code REFUSE}. No personal data.
     */
    public static final ProcessVariable<TransmissionDecision> TRANSMISSION_DECISION =
            ProcessVariable.ofEnum("transmissionDecision", TransmissionDecision.class);
    /** The reviewer's comment for the case file ("Review response"); no personal data, kept in history. */
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);
    /** Why the deadline was missed, a code from "Handle deadline breach" (WORKLOAD, ...); kept in history. */
    public static final ProcessVariable<String> BREACH_CAUSE = ProcessVariable.of("breachCause", String.class);
    /** What the DPO did about the missed deadline ("Handle deadline breach"); no personal data, kept in history. */
    public static final ProcessVariable<String> BREACH_ACTIONS = ProcessVariable.of("breachActions", String.class);
    /** Local input of a mail-sending task: a reason code the mail explains (a denial's). */
    public static final ProcessVariable<String> MAIL_REASON = ProcessVariable.of("mailReason", String.class);
    /** Local input of a deadline reminder or breach task: the group it notifies. */
    public static final ProcessVariable<String> REMINDER_GROUP = ProcessVariable.of("reminderGroup", String.class);

    // ---- Identity verification (IdentityVerificationProcess) ---------------------------------------------
    /** SUBJECT, AGENT or PARENT: who makes the request, relative to the data subject. */
    public static final ProcessVariable<SubjectRelationship> SUBJECT_RELATIONSHIP =
            ProcessVariable.ofEnum("subjectRelationship", SubjectRelationship.class);
    /** ISO-8601 duration after which an unanswered verification is abandoned. */
    public static final ProcessVariable<String> VERIFICATION_PERIOD = ProcessVariable.of("verificationPeriod", String.class);
    public static final ProcessVariable<Integer> REQUIRED_DATA_POINTS = ProcessVariable.of("requiredDataPoints", Integer.class);
    public static final ProcessVariable<Boolean> DECLARATION_REQUIRED = ProcessVariable.of("declarationRequired", Boolean.class);
    public static final ProcessVariable<Boolean> EMAIL_CHECK_REQUIRED = ProcessVariable.of("emailCheckRequired", Boolean.class);
    public static final ProcessVariable<Boolean> MANUAL_REVIEW = ProcessVariable.of("manualReview", Boolean.class);
    /** Data points that answer an unverifiable request with categories instead (0: no fallback). */
    public static final ProcessVariable<Integer> CATEGORIES_FALLBACK_DATA_POINTS =
            ProcessVariable.of("categoriesFallbackDataPoints", Integer.class);
    /** How many submitted data points match the system of record: a count, never the values. */
    public static final ProcessVariable<Integer> DATA_POINTS_MATCHED = ProcessVariable.of("dataPointsMatched", Integer.class);
    public static final ProcessVariable<Boolean> ASSURANCE_MET = ProcessVariable.of("assuranceMet", Boolean.class);
    /** Task-local, while "Review identity" is open: the level and what was received, without personal data. */
    public static final ProcessVariable<String> ASSURANCE_SUMMARY = ProcessVariable.of("assuranceSummary", String.class);
    /** Task-local, while "Review identity" is open: submitted and recorded values, masked. */
    public static final ProcessVariable<String> IDENTITY_COMPARISON = ProcessVariable.of("identityComparison", String.class);
    /**
     * Task-local, while "Review identity" is open: the officer's last question and the requester's free-text answer.
     * Dropped from history ({@code FormOnlyVariablesPlugin}); the text is kept in identity_question until the end.
     */
    public static final ProcessVariable<String> REQUESTER_ANSWER = ProcessVariable.of("requesterAnswer", String.class);
    public static final ProcessVariable<IdentityReviewDecision> IDENTITY_REVIEW_DECISION =
            ProcessVariable.ofEnum("identityReviewDecision", IdentityReviewDecision.class);
    /** The officer's message to the requester: the reason for a rejection or what is needed. */
    public static final ProcessVariable<String> IDENTITY_REVIEW_NOTE = ProcessVariable.of("identityReviewNote", String.class);
    /**
     * Names (never values) of submitted data points the officer confirmed in "Review identity" as the requester's own,
     * comma separated ("phone, customerNumber"): they may then find and change records.
     */
    public static final ProcessVariable<String> CONFIRMED_IDENTIFIERS = ProcessVariable.of("confirmedIdentifiers", String.class);
    /** Task-local, while "Review identity" is open: the data point names the officer may confirm as identifiers. */
    public static final ProcessVariable<String> CONFIRMABLE_IDENTIFIERS = ProcessVariable.of("confirmableIdentifiers", String.class);
    /**
     * Task-local, in "Review response" and "Legal review": the identifiers the lookup used, masked, and why each was
     * trusted. Dropped from history ({@code FormOnlyVariablesPlugin}).
     */
    public static final ProcessVariable<String> CASE_IDENTIFIERS = ProcessVariable.of("caseIdentifiers", String.class);
    /** Task-local, in "Review response": how the requester's identity was verified. */
    public static final ProcessVariable<String> CASE_VERIFICATION = ProcessVariable.of("caseVerification", String.class);
    /** Task-local, in "Review response": what was kept back and why. */
    public static final ProcessVariable<String> CASE_KEPT_BACK = ProcessVariable.of("caseKeptBack", String.class);
    /** Task-local, in "Review response": the time left until the deadline. */
    public static final ProcessVariable<String> CASE_TIME_LEFT = ProcessVariable.of("caseTimeLeft", String.class);
    /** Task-local, in "Review response": open requests of the same person for the same right. */
    public static final ProcessVariable<String> LINKED_REQUESTS = ProcessVariable.of("linkedRequests", String.class);
    /**
     * Task-local, in "Review response": the other controller's address the requester asked the package to be sent
     * to (GDPR Art 20(2)), empty when none. Dropped from history ({@code FormOnlyVariablesPlugin}).
     */
    public static final ProcessVariable<String> TRANSMISSION_DESTINATION =
            ProcessVariable.of("transmissionDestination", String.class);
    /**
     * Task-local, in "Review identity" and "Review response": the requester's mails attached to the request (replies to
     * the engine's mails). Dropped from history ({@code FormOnlyVariablesPlugin}).
     */
    public static final ProcessVariable<String> REQUESTER_MESSAGES = ProcessVariable.of("requesterMessages", String.class);
    /**
     * Task-local, in "Legal review": the holds its check found that are still active, as the options of the form's
     * select (label: matter, ground, what it keeps; value: the hold's id). No personal data; kept out of history.
     */
    public static final ProcessVariable<SpinJsonNode> RELEASABLE_HOLDS =
            ProcessVariable.of("releasableHolds", SpinJsonNode.class);
    /**
     * Task-local, in "Review corrections": one row per requested correction (source, field, both values masked) for
     * the form's table; the values in full are on the staff case file page. Kept out of history.
     */
    public static final ProcessVariable<SpinJsonNode> CORRECTIONS_OVERVIEW =
            ProcessVariable.of("correctionsOverview", SpinJsonNode.class);
    /** Who completed the last "Review identity" (a staff user id). */
    public static final ProcessVariable<String> IDENTITY_REVIEWED_BY = ProcessVariable.of("identityReviewedBy", String.class);
    /** How many times the requester was asked for more information; keys the mails. */
    public static final ProcessVariable<Integer> INFORMATION_REQUESTS = ProcessVariable.of("identityInformationRequests", Integer.class);
    /** Local input of an outcome-recording task: VERIFIED, UNVERIFIABLE or ABANDONED. */
    public static final ProcessVariable<VerificationOutcome> RECORDED_OUTCOME =
            ProcessVariable.ofEnum("recordedOutcome", VerificationOutcome.class);
    /** How verification ended: VERIFIED, UNVERIFIABLE or ABANDONED; returned to DsarProcess with identityVerified. */
    public static final ProcessVariable<VerificationOutcome> VERIFICATION_OUTCOME =
            ProcessVariable.ofEnum("verificationOutcome", VerificationOutcome.class);
    /** RECEIPT or VERIFICATION (decision table DeadlineClock). */
    public static final ProcessVariable<String> CLOCK_STARTS_AT = ProcessVariable.of("clockStartsAt", String.class);

    /** Local input of a mail-sending task: which template it sends. */
    public static final ProcessVariable<String> MAIL_TEMPLATE = ProcessVariable.of("mailTemplate", String.class);

    /** Message that the verification process waits for once the requester has entered the right code. */
    public static final String MESSAGE_EMAIL_VERIFIED = "EmailVerified";

    /** Message that makes the verification process mail a new code (the resend endpoint). */
    public static final String MESSAGE_VERIFICATION_CODE_REQUESTED = "VerificationCodeRequested";
    /** Message that the requester answered a request for more information or uploaded a document. */
    public static final String MESSAGE_IDENTITY_INFORMATION_RECEIVED = "IdentityInformationReceived";

    /** BPMN extension property naming the stage a request enters at an element. */
    public static final String STAGE_PROPERTY = "dsarStage";

    private DsarVariables() {
    }
}
