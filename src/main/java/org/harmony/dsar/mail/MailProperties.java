package org.harmony.dsar.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings beyond Spring's own {@code spring.mail.*} (host, port, credentials).
 *
 * @param from           the sender of every mail to requesters
 * @param embeddedServer the SMTP server started inside the engine (demo profile): mails land in its mailbox page
 */
@ConfigurationProperties("dsar.mail")
public record MailProperties(
        @DefaultValue("privacy@harmony.example") String from,
        @DefaultValue EmbeddedServer embeddedServer) {

    public record EmbeddedServer(@DefaultValue("false") boolean enabled) {
    }
}
