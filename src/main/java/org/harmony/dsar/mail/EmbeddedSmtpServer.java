package org.harmony.dsar.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the engine for running it without any other software (the demo profile). It keeps
 * every mail in memory; {@code MailboxController} shows them. Started before the mail sender is first used.
 */
@Component
@ConditionalOnProperty(name = "dsar.mail.embedded-server.enabled", havingValue = "true")
public class EmbeddedSmtpServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    private final GreenMail server;

    EmbeddedSmtpServer(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
        server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        server.start();
        log.info("Embedded SMTP server listening on {}:{}; sent mails are listed at /mailbox", host, port);
    }

    /** Every mail received, newest first. */
    public List<ReceivedMail> mails() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            mails.add(ReceivedMail.of(message));
        }
        mails.sort(Comparator.comparing(ReceivedMail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return mails;
    }

    @Override
    public void destroy() {
        server.stop();
    }

    public record ReceivedMail(String messageId, String subject, String to, java.util.Date sentAt, String text,
            String html) {

        public static ReceivedMail of(MimeMessage message) {
            try {
                Bodies bodies = new Bodies();
                bodies.collect(message);
                return new ReceivedMail(message.getMessageID(), message.getSubject(),
                        String.join(", ", Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .map(Object::toString).toList()),
                        message.getSentDate(), bodies.text, bodies.html);
            } catch (MessagingException | IOException e) {
                return new ReceivedMail(null, "(unreadable message: " + e.getMessage() + ")", "", null, "", null);
            }
        }
    }

    private static final class Bodies {
        private String text = "";
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body);
                }
            }
        }
    }
}
