package org.harmony.dsar.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The privacy mailboxes the engine reads (docs/intake-channels.md).
 *
 * @param enabled            whether the scheduled poller reads the mailboxes; off by default
 * @param pollInterval       the pause between two polls of every mailbox
 * @param maxMailBytes       a larger mail is not downloaded: its headers are recorded and the officer is told
 * @param maxAttachmentBytes a larger attachment is listed but its content is not kept
 * @param attachmentTypes    content types whose attachments are kept; others (executables, archives, ...) are only
 *                           listed, with the reason
 * @param triagePeriod       the due date of "Triage incoming request", from the mail's receipt
 * @param sameMailWithin     a mail with the same sender, subject and text as one recorded this recently is a copy of
 *                           it: kept with it, it starts no triage (a flood of identical mails is one case)
 * @param mailboxes          the mailboxes; none by default
 */
@ConfigurationProperties("dsar.inbox")
public record InboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("PT1M") Duration pollInterval,
        @DefaultValue("10485760") long maxMailBytes,
        @DefaultValue("5242880") long maxAttachmentBytes,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg", "text/plain"}) Set<String> attachmentTypes,
        @DefaultValue("P2D") Duration triagePeriod,
        @DefaultValue("P1D") Duration sameMailWithin,
        @DefaultValue List<Mailbox> mailboxes) {

    /**
     * One mailbox.
     *
     * @param name            names the mailbox in logs and the health indicator (never an address)
     * @param protocol        {@code imaps} (TLS, the default) or {@code imap} (only for a local test server)
     * @param password        from the environment, such as {@code ${DSAR_INBOX_PASSWORD}}
     * @param folder          the folder read, INBOX by default
     * @param processedFolder where a recorded mail is moved; empty: it stays and is flagged as seen
     */
    public record Mailbox(
            String name,
            String host,
            @DefaultValue("993") int port,
            @DefaultValue("imaps") String protocol,
            String user,
            String password,
            @DefaultValue("INBOX") String folder,
            String processedFolder) {
    }
}
