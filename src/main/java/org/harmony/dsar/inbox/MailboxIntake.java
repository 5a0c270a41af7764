package org.harmony.dsar.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.harmony.dsar.inbox.process.MailIntakeProcesses;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.mail.SentMails;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.process.DsarMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a mail read from a privacy mailbox, in one transaction: records it under its Message-ID (unique: a second node
 * or a second poll fails here and takes nothing) and either attaches it to the open request it answers or starts its
 * triage. The poller flags the mail on the server only after this has committed.
 */
@Service
class MailboxIntake {

    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern REFERENCE = Pattern.compile("DSAR-[0-9A-Z]{5}-[0-9A-Z]{5}");

    private final IncomingMails mails;
    private final SentMails sentMails;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final DsarMessages messages;
    private final MailIntakeProcesses triages;
    private final InboxProperties properties;
    private final Clock clock;
    private final KeyedHash hash;

    MailboxIntake(IncomingMails mails, SentMails sentMails, RequestRepository requests, RequestEvents events,
            DsarMessages messages, MailIntakeProcesses triages, InboxProperties properties, Clock clock,
            KeyedHash hash) {
        this.hash = hash;
        this.mails = mails;
        this.sentMails = sentMails;
        this.requests = requests;
        this.events = events;
        this.messages = messages;
        this.triages = triages;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of a mail. */
    enum Outcome { TRIAGE_STARTED, REPLY_ATTACHED, COPY_ATTACHED }

    @Transactional
    Outcome accept(String mailbox, IncomingMail mail) {
        Optional<DsarRequest> answered = answeredRequest(mail);
        if (answered.isPresent()) {
            DsarRequest request = answered.get();
            String id = mails.insert(mailbox, mail, IncomingMails.Status.REPLY_ATTACHED, request.id(), null, null);
            events.record(request.id(), "REPLY_RECEIVED", "channel=EMAIL attachments=" + mail.attachments().size()
                    + " bytes=" + mail.sizeBytes());
            int informed = messages.identityInformationReceived(request.id());
            log.info("Mail {} from mailbox {} attached to request {} as a reply; {} waiting process(es) informed", id,
                    mailbox, request.reference(), informed);
            return Outcome.REPLY_ATTACHED;
        }
        String contentHash = contentHash(mail);
        Optional<IncomingMails.Stored> first = mails.firstWithContent(contentHash,
                clock.instant().minus(properties.sameMailWithin()));
        if (first.isPresent()) {
            return recordCopy(mailbox, mail, contentHash, first.get());
        }
        String id = mails.insert(mailbox, mail, IncomingMails.Status.AWAITING_TRIAGE, null, contentHash, null);
        String instanceId = triages.startTriage(id,
                Date.from(laterOf(mail.receivedAt(), clock.instant()).plus(properties.triagePeriod())));
        mails.attachProcessInstance(id, instanceId);
        log.info("Mail {} from mailbox {} received by email, awaiting triage in process instance {}", id, mailbox,
                instanceId);
        return Outcome.TRIAGE_STARTED;
    }

    /**
     * A copy of a mail recorded within {@code dsar.inbox.same-mail-within}: kept with the first one (its Message-ID
     * is recorded, so it is never read again) and starts nothing. A copy of a mail that became a request is a repeated
     * submission of that request; one of a mail closed as spam or no request is erased at once.
     */
    private Outcome recordCopy(String mailbox, IncomingMail mail, String contentHash, IncomingMails.Stored first) {
        String id = mails.insert(mailbox, mail, IncomingMails.Status.REPEAT, first.requestId(), contentHash,
                first.id());
        if (first.status() == IncomingMails.Status.SPAM || first.status() == IncomingMails.Status.NOT_A_REQUEST) {
            mails.erase(id);
        }
        if (first.requestId() != null) {
            events.record(first.requestId(), "REPEATED_SUBMISSION", "channel=EMAIL");
        }
        log.info("Mail {} from mailbox {} is a copy of mail {} ({}): nothing started", id, mailbox, first.id(),
                first.status());
        return Outcome.COPY_ATTACHED;
    }

    /** Keyed hash of sender, subject and text, each in lower case with runs of white space as one space. */
    private String contentHash(IncomingMail mail) {
        return hash.hex(normalised(mail.sender()) + "\n" + normalised(mail.subject()) + "\n"
                + normalised(mail.text()));
    }

    private static String normalised(String text) {
        return text == null ? "" : WHITE_SPACE.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * The open request a mail answers: one the engine mailed (In-Reply-To, References) or whose reference the subject
     * names, if the mail comes from the request's requester or agent. Anything else goes to triage.
     */
    private Optional<DsarRequest> answeredRequest(IncomingMail mail) {
        Optional<String> requestId = sentMails.requestSentAs(mail.references());
        Optional<DsarRequest> request = requestId.flatMap(requests::findById);
        if (request.isEmpty() && mail.subject() != null) {
            Matcher matcher = REFERENCE.matcher(mail.subject());
            if (matcher.find()) {
                request = requests.findByReference(matcher.group());
            }
        }
        return request.filter(found -> found.completedAt() == null && fromRequester(found, mail.sender()));
    }

    private static boolean fromRequester(DsarRequest request, String sender) {
        return sender != null && (sender.equalsIgnoreCase(request.email())
                || request.agent() != null && sender.equalsIgnoreCase(request.agent().email()));
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
