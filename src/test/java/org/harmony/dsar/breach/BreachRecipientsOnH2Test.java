package org.harmony.dsar.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.harmony.dsar.request.Jurisdiction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The recipient table's SQL on H2, the embedded default (the journey runs it on PostgreSQL): finding people inside
 * the database, one row per address, and claims that two senders never share.
 */
class BreachRecipientsOnH2Test {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    private JdbcDataSource db;
    private BreachRecipients recipients;
    private String breachId;

    @BeforeEach
    void migrate() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:breach-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/demo").load().migrate();
        recipients = recipients(db);
        breachId = "breach-1";
        new BreachRepository(JdbcClient.create(db)).insert(new Breach(breachId, "BREACH-H2TEST01", "Backup exposed",
                NOW, null, List.of("customer-accounts", "newsletter"), List.of("contact details"),
                List.of(Jurisdiction.EU), "Phishing", "Closed", "Reset password", "dpo@harmony.example",
                NOW.plusSeconds(86_400), "company promise", NOW.plusSeconds(259_200), null, null, null, "dpo", NOW));
    }

    @Test
    void shouldAddEveryAddressOnceKeepingRegionAndLanguageFromTheFirstSourceThatGivesThem() {
        int accounts = recipients.addFromQuery(breachId, "customer-accounts", """
                SELECT email,
                  CASE WHEN country = 'US' AND postcode >= '90000' AND postcode < '96200' THEN 'US-CA' END AS region,
                  CASE WHEN country IN ('DE', 'AT') THEN 'de' END AS language
                FROM sor.customer_account""");
        int newsletter = recipients.addFromQuery(breachId, "newsletter", "SELECT email FROM sor.newsletter_subscription");
        recipients.addEach(breachId, "explicit", List.of(new NewBreach.Subject("ADA.Lovelace@example.org", null, null),
                new NewBreach.Subject("new.person@example.org", Jurisdiction.US_CA, "de")));

        JdbcClient jdbc = JdbcClient.create(db);
        long total = jdbc.sql("SELECT COUNT(*) FROM breach_recipient").query(Long.class).single();
        long distinct = jdbc.sql("SELECT COUNT(DISTINCT LOWER(email)) FROM breach_recipient").query(Long.class).single();
        assertThat(total).isEqualTo(distinct).isEqualTo(accounts + newsletter + 1L);
        assertThat(jdbc.sql("SELECT region FROM breach_recipient WHERE email = 'luis.garcia@example.net'")
                .query(String.class).single()).isEqualTo("US-CA");
        assertThat(jdbc.sql("SELECT language FROM breach_recipient WHERE email = 'new.person@example.org'")
                .query(String.class).single()).isEqualTo("de");
        assertThat(recipients.progress(breachId).pending()).isEqualTo(total);
    }

    @Test
    void shouldGiveConcurrentSendersDisjointBatchesAndTakeOverExpiredClaims() throws SQLException {
        recipients.addFromQuery(breachId, "newsletter", "SELECT email FROM sor.newsletter_subscription");
        recipients.addFromQuery(breachId, "customer-accounts", "SELECT email FROM sor.customer_account");
        long total = recipients.progress(breachId).total();

        List<BreachRecipients.Recipient> a;
        List<BreachRecipients.Recipient> b;
        try (Connection first = db.getConnection(); Connection second = db.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            a = recipients(first).claim(breachId, "a", 2, NOW, NOW.minusSeconds(300));
            b = recipients(second).claim(breachId, "b", 100, NOW, NOW.minusSeconds(300));
            first.commit();
            second.commit();
            assertThat(a).hasSize(2);
            // H2 skips more than the rows another claim holds (PostgreSQL exactly those): a concurrent sender may
            // come away empty and end, while the holder goes on claiming. Never does it get a held row.
            assertThat(b).extracting(BreachRecipients.Recipient::id)
                    .doesNotContainAnyElementsOf(a.stream().map(BreachRecipients.Recipient::id).toList());
        }
        assertThat(recipients.claim(breachId, "b", 1000, NOW, NOW.minusSeconds(300)))
                .as("the rest, once the claims are committed").hasSize((int) total - a.size() - b.size());
        assertThat(recipients.claim(breachId, "c", 100, NOW.plusSeconds(60), NOW.minusSeconds(240)))
                .as("claims within their lease stay with their sender").isEmpty();
        assertThat(recipients.claimedByOthers(breachId)).isTrue();

        List<BreachRecipients.Recipient> takenOver = recipients.claim(breachId, "c", 1000, NOW.plusSeconds(600),
                NOW.plusSeconds(300));
        assertThat(takenOver).hasSize((int) total);
        recipients.sent(List.of(new BreachRecipients.Delivery(takenOver.get(0).id(), "<id@harmony.example>", null)), NOW);
        recipients.failed(List.of(new BreachRecipients.Delivery(takenOver.get(1).id(), null, "550 no such user")));
        recipients.release(takenOver.subList(2, takenOver.size()).stream().map(BreachRecipients.Recipient::id).toList(),
                "SMTP down");
        assertThat(recipients.progress(breachId)).isEqualTo(new BreachRecipients.Progress(total, 1, 1, total - 2));
    }

    private static BreachRecipients recipients(JdbcDataSource db) {
        return new BreachRecipients(JdbcClient.create(db), new JdbcTemplate(db));
    }

    private static BreachRecipients recipients(Connection connection) {
        SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
        return new BreachRecipients(JdbcClient.create(single), new JdbcTemplate(single));
    }
}
