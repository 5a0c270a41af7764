package org.harmony.dsar.inbox;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the privacy mailboxes. Each unseen mail is read without marking it (IMAP peek), handed to
 * {@link MailboxIntake}, and only once that has committed is it flagged as seen (or moved to the processed folder).
 * A crash in between leaves the mail unseen: the next poll finds its Message-ID recorded and only flags it. Two nodes
 * reading the same mailbox race on the unique Message-ID: the second one's transaction fails and it only flags the
 * mail. A mailbox that cannot be reached is tried again at the next poll; {@link InboxHealth} shows it.
 */
@Component
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final InboxProperties properties;
    private final MailReader reader;
    private final MailboxIntake intake;
    private final IncomingMails mails;
    private final Map<String, MailboxState> states = new ConcurrentHashMap<>();

    MailboxPoller(InboxProperties properties, MailReader reader, MailboxIntake intake, IncomingMails mails) {
        this.properties = properties;
        this.reader = reader;
        this.intake = intake;
        this.mails = mails;
    }

    /** How a mailbox's last poll went. */
    public record MailboxState(boolean reachable, int consecutiveFailures, String lastError, int recorded,
            int failedMails) {
    }

    @Scheduled(fixedDelayString = "${dsar.inbox.poll-interval:PT1M}", initialDelayString = "PT10S")
    void scheduledPoll() {
        if (properties.enabled()) {
            pollAll();
        }
    }

    /** Polls every configured mailbox once; returns how many mails were recorded. */
    public int pollAll() {
        int recorded = 0;
        for (InboxProperties.Mailbox mailbox : properties.mailboxes()) {
            recorded += poll(mailbox);
        }
        return recorded;
    }

    public Map<String, MailboxState> states() {
        return Map.copyOf(states);
    }

    /** Polls one mailbox once; returns how many mails were recorded. */
    public int poll(InboxProperties.Mailbox mailbox) {
        int recorded = 0;
        int failedMails = 0;
        Session session = Session.getInstance(sessionProperties(mailbox));
        try (Store store = session.getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : unseen) {
                    switch (take(mailbox, message)) {
                        case RECORDED -> {
                            recorded++;
                            markDone(mailbox, store, folder, message);
                        }
                        case ALREADY_RECORDED -> markDone(mailbox, store, folder, message);
                        case FAILED -> failedMails++;
                    }
                }
            } finally {
                folder.close(mailbox.processedFolder() != null && !mailbox.processedFolder().isBlank());
            }
            states.put(mailbox.name(), new MailboxState(true, 0, null, recorded, failedMails));
        } catch (MessagingException | RuntimeException e) {
            MailboxState before = states.get(mailbox.name());
            int failures = before == null ? 1 : before.consecutiveFailures() + 1;
            // The exception's type only: its message may name the account.
            states.put(mailbox.name(), new MailboxState(false, failures, e.getClass().getSimpleName(), recorded,
                    failedMails));
            log.warn("Mailbox {} could not be read ({}; {} failure(s) in a row); trying again at the next poll",
                    mailbox.name(), e.getClass().getSimpleName(), failures);
        }
        return recorded;
    }

    private enum Taken { RECORDED, ALREADY_RECORDED, FAILED }

    private Taken take(InboxProperties.Mailbox mailbox, Message message) {
        IncomingMail mail;
        try {
            mail = reader.read(message);
        } catch (MessagingException | RuntimeException e) {
            log.warn("A mail in mailbox {} could not be read ({}); left unseen, tried again at the next poll",
                    mailbox.name(), e.getClass().getSimpleName());
            return Taken.FAILED;
        }
        if (mails.isRecorded(mail.messageId())) {
            return Taken.ALREADY_RECORDED;
        }
        try {
            intake.accept(mailbox.name(), mail);
            return Taken.RECORDED;
        } catch (DuplicateKeyException e) {
            log.info("A mail in mailbox {} was recorded by another node meanwhile", mailbox.name());
            return Taken.ALREADY_RECORDED;
        } catch (RuntimeException e) {
            log.warn("A mail in mailbox {} could not be recorded ({}); left unseen, tried again at the next poll",
                    mailbox.name(), e.getClass().getSimpleName());
            return Taken.FAILED;
        }
    }

    private void markDone(InboxProperties.Mailbox mailbox, Store store, Folder folder, Message message)
            throws MessagingException {
        if (mailbox.processedFolder() != null && !mailbox.processedFolder().isBlank()) {
            Folder processed = store.getFolder(mailbox.processedFolder());
            if (!processed.exists()) {
                processed.create(Folder.HOLDS_MESSAGES);
            }
            folder.copyMessages(new Message[] {message}, processed);
            message.setFlag(Flags.Flag.DELETED, true);
        }
        message.setFlag(Flags.Flag.SEEN, true);
    }

    private static Properties sessionProperties(InboxProperties.Mailbox mailbox) {
        Properties session = new Properties();
        String protocol = mailbox.protocol();
        session.put("mail." + protocol + ".peek", "true");
        session.put("mail." + protocol + ".connectiontimeout", "10000");
        session.put("mail." + protocol + ".timeout", "30000");
        session.put("mail." + protocol + ".writetimeout", "30000");
        if ("imaps".equals(protocol)) {
            session.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return session;
    }
}
