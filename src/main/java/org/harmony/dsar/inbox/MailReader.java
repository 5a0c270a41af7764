package org.harmony.dsar.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import org.harmony.dsar.kernel.Sha256;
import org.springframework.stereotype.Component;

/**
 * Reads a mail from the server into an {@link IncomingMail} within the configured limits: a mail over the size limit
 * is not downloaded, attachments over the size limit or of a type not allowed are listed without their content, and
 * a mail that cannot be parsed is kept with what could be read and a note for the officer.
 */
@Component
class MailReader {

    static final int MAX_TEXT_CHARS = 100_000;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,490}>");
    private static final Set<String> DANGEROUS_EXTENSIONS = Set.of("exe", "com", "bat", "cmd", "scr", "pif", "js",
            "jse", "vbs", "vbe", "wsf", "ps1", "jar", "msi", "dll", "lnk", "hta", "html", "htm", "svg", "iso", "zip",
            "rar", "7z", "docm", "xlsm", "pptm");

    private final InboxProperties properties;
    private final Clock clock;

    MailReader(InboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    IncomingMail read(Message message) throws MessagingException {
        String sender = sender(message);
        String subject = truncate(decoded(message.getSubject()), 1000);
        Instant receivedAt = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                : message.getSentDate() != null ? message.getSentDate().toInstant() : clock.instant();
        long size = Math.max(message.getSize(), 0);
        String messageId = messageId(message, sender, subject, receivedAt, size);
        List<String> references = references(message);
        if (size > properties.maxMailBytes()) {
            return new IncomingMail(messageId, receivedAt, sender, subject, null, size, references, List.of(),
                    "The mail has " + size + " bytes, more than the limit of " + properties.maxMailBytes()
                            + ": its text and attachments were not downloaded. Open it in the mailbox.");
        }
        StringBuilder text = new StringBuilder();
        List<IncomingMail.Attachment> attachments = new ArrayList<>();
        String note = null;
        try {
            walk(message, text, attachments);
        } catch (MessagingException | IOException | RuntimeException e) {
            note = "The mail could not be read completely (" + e.getClass().getSimpleName()
                    + "): what could be read is shown. Open it in the mailbox.";
        }
        return new IncomingMail(messageId, receivedAt, sender, subject, truncate(text.toString().strip(),
                MAX_TEXT_CHARS), size, references, attachments, note);
    }

    private void walk(Part part, StringBuilder text, List<IncomingMail.Attachment> attachments)
            throws MessagingException, IOException {
        String fileName = decoded(part.getFileName());
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attachment && part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                if (alternative && text.length() > 0 && child.isMimeType("text/html")) {
                    continue;
                }
                walk(child, text, attachments);
            }
        } else if (!attachment && part.isMimeType("text/plain")) {
            text.append(part.getContent()).append('\n');
        } else if (!attachment && part.isMimeType("text/html")) {
            text.append(htmlToText(String.valueOf(part.getContent()))).append('\n');
        } else if (!attachment && part.isMimeType("message/rfc822")) {
            text.append("[forwarded mail attached]\n");
        } else {
            attachments.add(attachment(part, fileName));
        }
    }

    private IncomingMail.Attachment attachment(Part part, String fileName) throws MessagingException, IOException {
        String type = baseType(part.getContentType());
        String name = fileName == null ? null : truncate(fileName, 255);
        if (name != null && DANGEROUS_EXTENSIONS.contains(extension(name))) {
            return new IncomingMail.Attachment(name, type, Math.max(part.getSize(), 0), null,
                    "kept out: files of this kind can carry code");
        }
        if (!properties.attachmentTypes().contains(type)) {
            return new IncomingMail.Attachment(name, type, Math.max(part.getSize(), 0), null,
                    "kept out: type not accepted");
        }
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxAttachmentBytes() + 1));
            if (content.length > properties.maxAttachmentBytes()) {
                return new IncomingMail.Attachment(name, type, Math.max(part.getSize(), content.length), null,
                        "kept out: larger than " + properties.maxAttachmentBytes() + " bytes");
            }
            return new IncomingMail.Attachment(name, type, content.length, content, null);
        }
    }

    private static String messageId(Message message, String sender, String subject, Instant receivedAt, long size)
            throws MessagingException {
        String[] header = message.getHeader("Message-ID");
        if (header != null && header.length > 0) {
            Matcher matcher = MESSAGE_ID.matcher(header[0]);
            if (matcher.find()) {
                return matcher.group();
            }
        }
        // Without a usable Message-ID the mail is known by what it says about itself, so a second poll still finds it.
        return "<" + Sha256.hex(sender + "|" + subject + "|" + receivedAt + "|" + size) + "@no-message-id>";
    }

    private static List<String> references(Message message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : List.of("In-Reply-To", "References")) {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    Matcher matcher = MESSAGE_ID.matcher(value);
                    while (matcher.find() && ids.size() < 50) {
                        ids.add(matcher.group());
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    private static String sender(Message message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    && address.getAddress() != null) {
                return truncate(address.getAddress().strip(), 320);
            }
        } catch (MessagingException e) {
            return null;
        }
        return null;
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (IOException e) {
            return value;
        }
    }

    static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replace("\u0000", "");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
