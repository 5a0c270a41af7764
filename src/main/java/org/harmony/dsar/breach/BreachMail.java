package org.harmony.dsar.breach;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.mail.MailProperties;
import org.harmony.dsar.mail.MailTemplates;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Breach mails over one SMTP connection per batch (the server set in {@code spring.mail.*}), each with a
 * Message-ID derived from what it is for, so that a notice sent again after a crash is the same message to the
 * recipient's mail client.
 */
@Component
class BreachMail {

    private final JavaMailSenderImpl sender;
    private final MailProperties properties;

    BreachMail(JavaMailSenderImpl sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** A connection to the SMTP server; the caller closes it. */
    Transport connect() throws MessagingException {
        Session session = sender.getSession();
        Transport transport = session.getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        // As JavaMailSenderImpl does: an empty user name (SMTP_USER unset) means no authentication.
        boolean anonymous = sender.getUsername() == null || sender.getUsername().isEmpty();
        transport.connect(sender.getHost(), sender.getPort(), anonymous ? null : sender.getUsername(),
                anonymous ? null : sender.getPassword());
        return transport;
    }

    /** The Message-ID of the mail with this key: the same for every attempt. */
    String messageId(String key) {
        String domain = properties.from().substring(properties.from().indexOf('@') + 1);
        return "<" + Sha256.hex(key).substring(0, 40) + "@" + domain + ">";
    }

    MimeMessage compose(String to, String key, MailTemplates.Rendered rendered) throws MessagingException {
        MimeMessage message = new FixedIdMessage(sender.getSession(), messageId(key));
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        message.setHeader("X-DSAR-Mail-Key", key);
        message.saveChanges();
        return message;
    }

    /** Sends one composed message over the connection. */
    static void send(Transport transport, MimeMessage message) throws MessagingException {
        transport.sendMessage(message, message.getAllRecipients());
    }

    /** Keeps its Message-ID when saved, instead of a new random one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
