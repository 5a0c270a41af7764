package org.harmony.dsar.inbox;

import static org.harmony.dsar.kernel.process.SubmittedValues.blank;
import static org.harmony.dsar.kernel.process.SubmittedValues.isMailAddress;
import static org.harmony.dsar.kernel.process.SubmittedValues.isSingleLine;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.harmony.dsar.intake.IntakeService;
import org.harmony.dsar.intake.ReceivedRequest;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RepeatedRequests;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Triage incoming request": what the officer sees of a mail, the checks of their decision, and what follows from it
 * (a request whose clock started when the mail arrived, or the mail's content erased).
 */
@Service
public class MailTriage {

    private static final Logger log = LoggerFactory.getLogger(MailTriage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncomingMails mails;
    private final IntakeService intake;
    private final RequestEvents events;
    private final RepeatedRequests repeats;
    private final RequestRepository requests;

    MailTriage(IncomingMails mails, IntakeService intake, RequestEvents events, RepeatedRequests repeats,
            RequestRepository requests) {
        this.requests = requests;
        this.repeats = repeats;
        this.mails = mails;
        this.intake = intake;
        this.events = events;
    }

    /**
     * What the form shows and prefills.
     *
     * @param mail       sender, subject, time, text, attachments and any note, as text
     * @param suggestion what the keywords suggest, worded as a suggestion
     */
    public record TriageView(String mail, String sender, String suggestion, String suggestedType,
            String suggestedLanguage, String suggestedJurisdiction) {
    }

    public TriageView view(String mailId) {
        IncomingMails.Stored mail = mails.get(mailId);
        StringBuilder text = new StringBuilder()
                .append("From: ").append(orNone(mail.sender())).append('\n')
                .append("Subject: ").append(orNone(mail.subject())).append('\n')
                .append("Received: ").append(TIME.format(mail.receivedAt())).append(" (the legal clock starts then)\n")
                .append("Size: ").append(mail.sizeBytes()).append(" bytes\n");
        if (mail.note() != null) {
            text.append("\nNOTE: ").append(mail.note()).append('\n');
        }
        text.append('\n').append(mail.text() == null ? "(no text)" : mail.text()).append('\n');
        List<IncomingMails.StoredAttachment> attachments = mails.attachments(mailId);
        text.append("\nAttachments: ").append(attachments.isEmpty() ? "none" : attachments.size()).append('\n');
        for (IncomingMails.StoredAttachment attachment : attachments) {
            text.append("- ").append(orNone(attachment.fileName())).append(", ").append(attachment.contentType())
                    .append(", ").append(attachment.sizeBytes()).append(" bytes")
                    .append(attachment.refused() == null ? "" : " (" + attachment.refused() + ")").append('\n');
        }
        text.append("\nOpen requests from this address: ").append(repeats.describeOpenRequestsOf(mail.sender()))
                .append(" (a new request from it is linked to those of the same right; the review decides to answer"
                        + " both or to merge. A sender's address can be forged: nothing is said to the sender about"
                        + " them.)\n");
        KeywordSuggestions.Suggestion suggestion = KeywordSuggestions.suggest(mail.subject(), mail.text());
        return new TriageView(text.toString(), mail.sender(), suggestion.describe(),
                suggestion.type().map(Enum::name).orElse(null), suggestion.language().orElse("en"),
                suggestion.jurisdiction().map(j -> j.code()).orElse(null));
    }

    /** The requester's mails attached to a request, oldest first, as the next task shows them. */
    public String repliesTo(String requestId) {
        List<IncomingMails.Stored> replies = mails.repliesTo(requestId);
        if (replies.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (IncomingMails.Stored reply : replies) {
            text.append("Received ").append(TIME.format(reply.receivedAt())).append(" from ")
                    .append(orNone(reply.sender())).append(": ").append(orNone(reply.subject())).append('\n')
                    .append(reply.note() == null ? "" : "NOTE: " + reply.note() + "\n")
                    .append(reply.text() == null ? "(no text)" : reply.text()).append('\n');
            for (IncomingMails.StoredAttachment attachment : mails.attachments(reply.id())) {
                text.append("- attachment ").append(orNone(attachment.fileName())).append(", ")
                        .append(attachment.contentType()).append(", ").append(attachment.sizeBytes()).append(" bytes")
                        .append(attachment.refused() == null ? "" : " (" + attachment.refused() + ")").append('\n');
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    /** Why the officer's decision on this mail cannot be taken as it is; empty when it can. */
    public Optional<String> refusal(String mailId, Triage triage) {
        Optional<String> refusal = refusal(triage);
        if (refusal.isPresent() || triage.decision() != Triage.TriageDecision.SAME_AS_OPEN_REQUEST) {
            return refusal;
        }
        String sender = mailId == null ? null : mails.get(mailId).sender();
        boolean senderAsks = requests.findByReference(triage.openRequestReference().strip())
                .filter(open -> open.completedAt() == null && sender != null && sender.equalsIgnoreCase(open.email()))
                .isPresent();
        return senderAsks ? Optional.empty() : Optional.of("Name an open request of this sender (its reference, as"
                + " listed under \"Open requests from this address\") to merge the mail into.");
    }

    /** Why the officer's decision cannot be taken as it is, whatever the mail; empty when it can. */
    public Optional<String> refusal(Triage triage) {
        if (triage.decision() == null) {
            return Optional.of("Choose what the mail is: a rights request, not a rights request, or spam.");
        }
        return switch (triage.decision()) {
            case REQUEST -> requestRefusal(triage);
            case NOT_A_REQUEST -> blank(triage.reason()) || triage.reason().length() > 1000
                    ? Optional.of("Say in at most 1,000 characters why the mail is not a rights request.")
                    : Optional.empty();
            case SPAM -> Optional.empty();
            case SAME_AS_OPEN_REQUEST -> blank(triage.openRequestReference())
                    ? Optional.of("Name the open request this mail repeats (its reference).") : Optional.empty();
        };
    }

    private static Optional<String> requestRefusal(Triage triage) {
        if (triage.type() == null || triage.jurisdiction() == null) {
            return Optional.of("A rights request needs its type and jurisdiction.");
        }
        if (!triage.type().offeredUnder(triage.jurisdiction())) {
            return Optional.of("The limit on sensitive personal information is a right under Californian law only: "
                    + "choose US-CA or another type.");
        }
        if (!isMailAddress(triage.email())) {
            return Optional.of("A rights request needs the requester's email address (a valid address).");
        }
        if (blank(triage.name()) || !isSingleLine(triage.name(), 200)) {
            return Optional.of("A rights request needs the requester's name (at most 200 characters, one line).");
        }
        if (triage.language() != null && !triage.language().matches("[a-z]{2}(-[A-Z]{2})?")) {
            return Optional.of("The language must be a language tag such as en or de.");
        }
        return Optional.empty();
    }

    /** Keeps the officer's decision (with the requester's details) with the mail, out of process variables. */
    @Transactional
    public void record(String mailId, Triage triage) {
        refusal(triage).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        mails.recordTriage(mailId, triage);
    }

    /** Registers the triaged mail as a request received when the mail arrived; idempotent. */
    @Transactional
    public String register(String mailId) {
        IncomingMails.Stored mail = mails.get(mailId);
        if (mail.requestId() != null) {
            return mail.requestId();
        }
        Triage triage = mails.triage(mailId);
        DsarRequest request = intake.register(new ReceivedRequest(triage.type(), triage.jurisdiction(),
                triage.email(), triage.name(), null,
                Locale.forLanguageTag(triage.language() == null ? "en" : triage.language()), Channel.EMAIL,
                mail.receivedAt()));
        mails.updateStatus(mailId, IncomingMails.Status.REQUEST_CREATED, request.id());
        mails.attachCopies(mailId, request.id());
        events.record(request.id(), "TRIAGED", "channel=EMAIL mail=" + mailId + " attachments="
                + mails.attachments(mailId).size() + " copies=" + mails.copiesOf(mailId));
        log.info("Mail {} triaged as request {}", mailId, request.reference());
        return request.reference();
    }

    /**
     * Closes a mail found not to be a rights request (or spam): its content is erased, its Message-ID stays. A mail
     * that repeats an open request of its sender is merged into it instead: kept with that request (shown in its next
     * task, erased when it ends) and recorded as a repeated submission.
     */
    @Transactional
    public void close(String mailId, Triage.TriageDecision decision, String openRequestReference) {
        if (decision == Triage.TriageDecision.SAME_AS_OPEN_REQUEST) {
            DsarRequest open = requests.findByReference(openRequestReference.strip()).orElseThrow();
            mails.updateStatus(mailId, IncomingMails.Status.REPLY_ATTACHED, open.id());
            mails.attachCopies(mailId, open.id());
            events.record(open.id(), "REPEATED_SUBMISSION", "channel=EMAIL mail=" + mailId + " mergedInTriage=true");
            log.info("Mail {} merged into the open request {}", mailId, open.reference());
            return;
        }
        mails.updateStatus(mailId, decision == Triage.TriageDecision.SPAM ? IncomingMails.Status.SPAM
                : IncomingMails.Status.NOT_A_REQUEST, null);
        mails.erase(mailId);
        int copies = mails.eraseCopies(mailId);
        log.info("Mail {} closed as {}; its content and that of its {} copies were erased", mailId, decision, copies);
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
