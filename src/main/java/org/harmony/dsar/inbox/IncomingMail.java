package org.harmony.dsar.inbox;

import java.time.Instant;
import java.util.List;

/**
 * A mail as read from a privacy mailbox. Holds personal data: never log it or put it in process variables.
 *
 * @param references the Message-IDs it answers (In-Reply-To and References), with angle brackets
 * @param note       what the officer must know about it (content kept out, could not be read), or null
 */
public record IncomingMail(
        String messageId,
        Instant receivedAt,
        String sender,
        String subject,
        String text,
        long sizeBytes,
        List<String> references,
        List<Attachment> attachments,
        String note) {

    /**
     * @param content null when kept out
     * @param refused why the content was kept out, or null
     */
    public record Attachment(String fileName, String contentType, long sizeBytes, byte[] content, String refused) {
    }
}
