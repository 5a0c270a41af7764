package org.harmony.dsar.journey;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real servers the journey tests run against, started once per test JVM: a PostgreSQL server from
 * Maven-delivered binaries (no Docker, nothing preinstalled) and a GreenMail SMTP server.
 */
final class TestInfrastructure {

    static final EmbeddedPostgres POSTGRES = startPostgres();
    static final GreenMail SMTP = startSmtp();
    /** The privacy mailbox the engine reads over IMAP (user {@value #INBOX_USER}). */
    static final GreenMail IMAP = startImap();
    static final String INBOX_USER = "privacy@harmony.example";
    static final String INBOX_PASSWORD = "inbox-secret";

    private TestInfrastructure() {
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        return smtp;
    }

    private static GreenMail startImap() {
        GreenMail imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        imap.setUser(INBOX_USER, INBOX_USER, INBOX_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(imap::stop));
        return imap;
    }

    static int imapPort() {
        return IMAP.getImap().getPort();
    }

    static String jdbcUrl() {
        return POSTGRES.getJdbcUrl("postgres", "postgres");
    }

    static int smtpPort() {
        return SMTP.getSmtp().getPort();
    }
}
