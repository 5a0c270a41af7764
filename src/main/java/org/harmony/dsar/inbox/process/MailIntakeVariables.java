package org.harmony.dsar.inbox.process;

import java.util.Date;

import org.harmony.dsar.inbox.Triage;
import org.harmony.dsar.kernel.process.ProcessVariable;
import org.harmony.dsar.request.Channel;

/**
 * The variables of MailIntakeProcess. References and decisions only: the mail and the requester's details typed in
 * triage stay in the project's tables ({@code incoming_mail}).
 */
public final class MailIntakeVariables {

    public static final String PROCESS_KEY = "MailIntakeProcess";

    public static final ProcessVariable<String> INCOMING_MAIL_ID = ProcessVariable.of("incomingMailId", String.class);
    public static final ProcessVariable<Date> TRIAGE_DUE = ProcessVariable.of("triageDue", Date.class);
    /** REQUEST, NOT_A_REQUEST, SPAM or SAME_AS_OPEN_REQUEST. */
    public static final ProcessVariable<Triage.TriageDecision> TRIAGE_DECISION =
            ProcessVariable.ofEnum("triageDecision", Triage.TriageDecision.class);
    public static final ProcessVariable<String> REQUEST_TYPE = ProcessVariable.of("requestType", String.class);
    public static final ProcessVariable<String> JURISDICTION = ProcessVariable.of("jurisdiction", String.class);
    public static final ProcessVariable<String> LANGUAGE = ProcessVariable.of("language", String.class);
    /** Task-local, form-only: the requester's address as the officer confirms it. */
    public static final ProcessVariable<String> REQUESTER_EMAIL = ProcessVariable.of("requesterEmail", String.class);
    /** Task-local, form-only: the requester's name as the officer confirms it. */
    public static final ProcessVariable<String> REQUESTER_NAME = ProcessVariable.of("requesterName", String.class);
    /** Task-local, form-only: why the mail is no rights request. */
    public static final ProcessVariable<String> TRIAGE_REASON = ProcessVariable.of("triageReason", String.class);
    /** The open request of the sender that the mail repeats (SAME_AS_OPEN_REQUEST): a reference, no personal data. */
    public static final ProcessVariable<String> OPEN_REQUEST_REFERENCE =
            ProcessVariable.of("openRequestReference", String.class);
    /** Task-local, form-only: the mail as the officer reads it (sender, subject, text, attachments). */
    public static final ProcessVariable<String> INCOMING_MAIL = ProcessVariable.of("incomingMail", String.class);
    /** Task-local: what the keywords suggest, marked as a suggestion. */
    public static final ProcessVariable<String> TRIAGE_SUGGESTION = ProcessVariable.of("triageSuggestion", String.class);
    /** The reference of the request registered from the mail. */
    public static final ProcessVariable<String> REQUEST_REFERENCE = ProcessVariable.of("requestReference", String.class);
    /** Where the mail came in: EMAIL. Shown in Tasklist beside DsarProcess's channel. */
    public static final ProcessVariable<Channel> CHANNEL = ProcessVariable.ofEnum("channel", Channel.class);

    private MailIntakeVariables() {
    }
}
