package org.harmony.dsar.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server and a real SMTP server for engine nodes started as processes. */
final class FaultEnvironment implements AutoCloseable {

    final EmbeddedPostgres postgres;
    final GreenMail smtp;

    FaultEnvironment() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
    }

    /** Engine nodes send mail to this port; by default GreenMail's own. */
    private int smtpPort;

    /** How failed jobs are retried before they become incidents. */
    private String retryCycle = "R30/PT2S";

    void retryFailedJobs(String cycle) {
        this.retryCycle = cycle;
    }

    void routeMailThrough(int port) {
        this.smtpPort = port;
    }

    List<String> engineArguments(int port, int managementPort) {
        return List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--dsar.mail.embedded-server.enabled=false",
                "--dsar.api.rate-limit.requests=100000",
                "--dsar.api.rate-limit.per-recipient-per-day=100000",
                // A crashed node's locked jobs are taken over once their lock expires (default 5 minutes).
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                // A crashed node's claimed breach recipients likewise (default 5 minutes).
                "--dsar.breach.lease=PT30S",
                // Breach senders hand over to new jobs often, so that every node's job executor takes part.
                "--dsar.breach.job-time-box=PT5S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=" + retryCycle,
                "--logging.level.root=WARN",
                "--logging.level.org.harmony.dsar=WARN");
    }

    long count(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            // The schema does not exist before the first node has started.
            return -1;
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        smtp.stop();
        postgres.close();
    }
}
