package org.harmony.dsar.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/**
 * One personal data breach, two engine nodes on one PostgreSQL: the sending is shared through the database (jobs
 * and claimed recipients), and the recipients record which node sent them. One node is killed (SIGKILL) mid-sending
 * and the other finishes, taking over the dead node's jobs and claims, so both nodes sent notices of the breach.
 * (Whether both send while both live depends on job acquisition: the hand-over timers go to whichever node polls
 * first, usually but not always both.) Every affected person gets the notice; repeats are bounded by what a sender sends between two
 * records (dsar.breach.record-every) and carry the same Message-ID.
 */
class BreachTwoNodesIT {

    private static final int RECIPIENTS = 8000;
    /** Senders per breach (dsar.breach.sending-slots) times mails between two records (record-every). */
    private static final int MAX_REPEATS = 4 * 10;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void shouldShareTheSendingAndFinishOnTheSurvivingNode() throws Exception {
        try (FaultEnvironment environment = new FaultEnvironment();
                EngineNode first = new EngineNode("breach-node-a", environment);
                EngineNode second = new EngineNode("breach-node-b", environment)) {
            first.start();
            second.start();
            seedNewsletterSubscribers(environment);

            HttpResponse<String> recorded = recordBreach(first);
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

            await(environment, "a tenth sent", Duration.ofMinutes(3), () -> sent(environment) >= RECIPIENTS / 10);
            long nodesBeforeKill = nodesThatSent(environment);
            first.kill();
            long sentWhenKilled = sent(environment);
            long total = environment.count("SELECT COUNT(*) FROM breach_recipient");
            assertThat(total).as("the seeded subscribers and the demo ones").isGreaterThan(RECIPIENTS);
            assertThat(sentWhenKilled).as("notices sent when node A died").isLessThan(total);

            await(environment, "all notices sent", Duration.ofMinutes(6), () -> sent(environment) == total);

            Map<String, Long> perAddress = Stream.of(environment.smtp.getReceivedMessages())
                    .flatMap(BreachTwoNodesIT::recipients)
                    .filter(address -> address.startsWith("breach-two-nodes."))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perAddress).as("every affected person got the notice").hasSize(RECIPIENTS);
            long repeats = perAddress.values().stream().mapToLong(n -> n - 1).sum();
            assertThat(repeats).as("notices sent twice (node killed between SMTP and record)")
                    .isLessThanOrEqualTo(MAX_REPEATS);
            assertThat(environment.count("SELECT COUNT(DISTINCT message_id) FROM breach_recipient"))
                    .isEqualTo(total);
            assertThat(environment.count("SELECT COUNT(*) FROM breach_recipient WHERE status <> 'SENT'")).isZero();
            assertThat(environment.count("SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
            assertThat(nodesThatSent(environment)).as("nodes that sent notices of the one breach").isEqualTo(2);
            System.out.printf("BreachTwoNodesIT: %d sent when node A died, by %d node(s) then; %d repeated%n",
                    sentWhenKilled, nodesBeforeKill, repeats);
        }
    }

    private static void seedNewsletterSubscribers(FaultEnvironment environment) throws SQLException {
        try (Connection connection = environment.postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("""
                    INSERT INTO sor.newsletter_subscription (id, email, list_name, consent_source, subscribed_at)
                    SELECT 5000000 + g, 'breach-two-nodes.' || g || '@example.org', 'Offers', 'fault test', NOW()
                    FROM generate_series(1, %d) g""".formatted(RECIPIENTS));
        }
    }

    private HttpResponse<String> recordBreach(EngineNode node) throws Exception {
        String body = """
                {"description": "A misconfigured export of our newsletter list was reachable from the internet.",
                 "detectedAt": "%s", "sources": ["newsletter"],
                 "consequences": "Someone may send you phishing mails that look like our newsletter.",
                 "measures": "We removed the export and changed the credentials of the mailing system.",
                 "subjectActions": "Be wary of mails asking you to log in or pay.",
                 "contact": "dpo@harmony.example", "jurisdictions": ["EU"]}
                """.formatted(Instant.now().minus(Duration.ofMinutes(30)));
        return client.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/breaches"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("dpo:dpo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long sent(FaultEnvironment environment) {
        return environment.count("SELECT COUNT(*) FROM breach_recipient WHERE status = 'SENT'");
    }

    /** Nodes name themselves pid@host; sent_by is node/job. */
    private static long nodesThatSent(FaultEnvironment environment) {
        return environment.count("SELECT COUNT(DISTINCT split_part(sent_by, '/', 1)) FROM breach_recipient"
                + " WHERE sent_by IS NOT NULL");
    }

    private static Stream<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? Stream.empty() : Stream.of(to).map(Address::toString);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(FaultEnvironment environment, String what, Duration timeout,
            java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Not reached within " + timeout + ": " + what + " (sent "
                        + sent(environment) + " of " + RECIPIENTS + ", nodes " + nodesThatSent(environment) + ")");
            }
            Thread.sleep(250);
        }
    }
}
