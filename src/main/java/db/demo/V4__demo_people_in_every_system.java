package db.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Extends the demo system of record (schema {@code sor}) to the other systems the seed companies' privacy
 * policies describe: support tickets, call recordings (kept 3 months), affiliate visits with IP addresses,
 * analytics cookies, sharing with marketing partners and newsletter unsubscribes; and adds the flag and consent
 * fields that restriction, objection, withdrawal of consent and opt-out update.
 *
 * <p>The rows come from a deterministic generator (fixed seed): the same fake people on every database. Two
 * named demo subjects have records in every system ({@code marie.dubois@example.fr} is the erasure demo) and a
 * few generated people have hundreds of records. Call recordings are dated relative to the migration day, so
 * that some are inside the 3-month retention window and some outside it.
 */
public class V4__demo_people_in_every_system extends BaseJavaMigration {

    private static final long SEED = 20_260_301L;
    private static final Instant BASE = Instant.parse("2026-09-01T09:00:00Z");
    private static final List<String> FIRST = List.of("Olivia", "Noah", "Amelia", "Liam", "Isla", "Mateo", "Sofia",
            "Arjun", "Chloe", "Kenji", "Fatima", "Lucas", "Zara", "Tomasz", "Ines", "Kwame", "Hannah", "Diego",
            "Mei", "Oskar", "Leila", "Rahul", "Emma", "Jonas");
    private static final List<String> LAST = List.of("Smith", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kowalski",
            "Haddad", "Patel", "Silva", "Johansson", "Murphy", "Tanaka", "Moreau", "Fischer", "Garcia", "Mensah",
            "Novak", "Costa", "Khan", "Larsen");
    private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net", "example.co.uk");
    private static final List<String> TICKET_SUBJECTS = List.of("Cannot log in to the portal",
            "Invoice shows the wrong VAT number", "Mailbox quota exceeded", "Remote support session request",
            "Printer not found after update", "Please change my delivery address", "Refund for returned order",
            "Two-factor code not arriving");
    private static final List<String> PARTNERS = List.of("Share-A-Sale affiliate network", "Northwind Marketing Ltd",
            "AdReach analytics");
    private static final List<String> CAMPAIGNS = List.of("spring-sale", "black-friday", "partner-webinar",
            "newsletter-footer");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        createTables(db);
        Random random = new Random(SEED);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Ids ids = new Ids();
        try (Batch batch = new Batch(db)) {
            // Named demo subjects: records in every system.
            namedSubject(batch, ids, today, "marie.dubois@example.fr", "Marie Dubois", "+33 1 70 36 39 50", 3L);
            namedSubject(batch, ids, today, "ada.lovelace@example.org", "Ada Lovelace", "+44 20 7946 0018", null);
            // Generated people; every 40th has many records.
            for (int n = 0; n < 240; n++) {
                String first = FIRST.get(random.nextInt(FIRST.size()));
                String last = LAST.get(random.nextInt(LAST.size()));
                String email = (first + "." + last + n).toLowerCase(Locale.ROOT) + "@"
                        + DOMAINS.get(random.nextInt(DOMAINS.size()));
                String phone = "+44 20 7946 " + String.format("%04d", 1000 + n);
                int scale = n % 40 == 7 ? 60 : 1;
                generatedPerson(batch, ids, random, today, email, first + " " + last, phone, scale);
            }
        }
    }

    private static void createTables(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    CREATE TABLE sor.support_ticket (
                        id          BIGINT        PRIMARY KEY,
                        ticket_no   VARCHAR(20)   NOT NULL UNIQUE,
                        email       VARCHAR(320)  NOT NULL,
                        full_name   VARCHAR(200)  NOT NULL,
                        subject     VARCHAR(200)  NOT NULL,
                        body        VARCHAR(4000) NOT NULL,
                        status      VARCHAR(20)   NOT NULL,
                        opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
                        restricted  BOOLEAN       DEFAULT FALSE NOT NULL
                    )""");
            sql.execute("""
                    CREATE TABLE sor.call_recording (
                        id             BIGINT       PRIMARY KEY,
                        caller_phone   VARCHAR(40)  NOT NULL,
                        caller_email   VARCHAR(320),
                        agent_name     VARCHAR(100) NOT NULL,
                        duration_sec   INTEGER      NOT NULL,
                        recording_ref  VARCHAR(64)  NOT NULL,
                        recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
                    )""");
            sql.execute("""
                    CREATE TABLE sor.affiliate_visit (
                        id          BIGINT       PRIMARY KEY,
                        email       VARCHAR(320) NOT NULL,
                        affiliate   VARCHAR(100) NOT NULL,
                        campaign    VARCHAR(100) NOT NULL,
                        ip_address  VARCHAR(45)  NOT NULL,
                        user_agent  VARCHAR(300),
                        visited_at  TIMESTAMP WITH TIME ZONE NOT NULL
                    )""");
            sql.execute("""
                    CREATE TABLE sor.analytics_cookie (
                        id            BIGINT       PRIMARY KEY,
                        email         VARCHAR(320) NOT NULL,
                        cookie_id     VARCHAR(64)  NOT NULL,
                        provider      VARCHAR(100) NOT NULL,
                        consent_given BOOLEAN      NOT NULL,
                        first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
                    )""");
            sql.execute("""
                    CREATE TABLE sor.partner_share (
                        id          BIGINT       PRIMARY KEY,
                        email       VARCHAR(320) NOT NULL,
                        partner     VARCHAR(100) NOT NULL,
                        data_shared VARCHAR(300) NOT NULL,
                        shared_at   TIMESTAMP WITH TIME ZONE NOT NULL,
                        opted_out   BOOLEAN      DEFAULT FALSE NOT NULL
                    )""");
            sql.execute("""
                    CREATE TABLE sor.newsletter_unsubscribe (
                        id              BIGINT       PRIMARY KEY,
                        email           VARCHAR(320) NOT NULL,
                        list_name       VARCHAR(100) NOT NULL,
                        reason          VARCHAR(200),
                        unsubscribed_at TIMESTAMP WITH TIME ZONE NOT NULL
                    )""");
            sql.execute("ALTER TABLE sor.customer_account ADD COLUMN processing_restricted BOOLEAN DEFAULT FALSE NOT NULL");
            sql.execute("ALTER TABLE sor.customer_account ADD COLUMN marketing_consent BOOLEAN DEFAULT TRUE NOT NULL");
            sql.execute("ALTER TABLE sor.customer_account ADD COLUMN do_not_sell BOOLEAN DEFAULT FALSE NOT NULL");
        }
    }

    private static void namedSubject(Batch batch, Ids ids, Instant today, String email, String name, String phone,
            Long existingAccount) throws SQLException {
        if (existingAccount == null) {
            // Ada's account, orders, enquiries and newsletter come from V2; she gets the newer systems only.
            batch.ticket(ids.next(), email, name, TICKET_SUBJECTS.get(0), "OPEN", BASE.minus(Duration.ofDays(5)));
            batch.cookie(ids.next(), email, "ga-ada-0001", "Google Analytics", true, BASE.minus(Duration.ofDays(90)));
            return;
        }
        batch.enquiry(ids.next(), email, name, phone, "Could you call me about your support plans?",
                BASE.minus(Duration.ofDays(200)));
        batch.newsletter(ids.next(), email, "Product news", BASE.minus(Duration.ofDays(300)));
        batch.unsubscribe(ids.next(), email, "Offers", "Too many emails", BASE.minus(Duration.ofDays(100)));
        batch.order(ids.next(), existingAccount, BASE.minus(Duration.ofDays(40)), "59.90", "EUR", "3220");
        for (int i = 0; i < 3; i++) {
            batch.ticket(ids.next(), email, name, TICKET_SUBJECTS.get(i + 3), i == 0 ? "OPEN" : "CLOSED",
                    BASE.minus(Duration.ofDays(30L * i + 3)));
        }
        // Two recordings inside the 3-month retention window, two outside it.
        long[] ages = {10, 45, 120, 200};
        for (long age : ages) {
            batch.recording(ids.next(), phone, email, "Sam Agent", 180 + (int) age, today.minus(Duration.ofDays(age)));
        }
        for (int i = 0; i < 5; i++) {
            batch.visit(ids.next(), email, PARTNERS.get(0), CAMPAIGNS.get(i % CAMPAIGNS.size()),
                    "203.0.113." + (10 + i), BASE.minus(Duration.ofDays(7L * i)));
        }
        batch.cookie(ids.next(), email, "ga-marie-0001", "Google Analytics", true, BASE.minus(Duration.ofDays(60)));
        batch.cookie(ids.next(), email, "hj-marie-0002", "Hotjar", true, BASE.minus(Duration.ofDays(20)));
        batch.share(ids.next(), email, PARTNERS.get(1), "name, email, product interests",
                BASE.minus(Duration.ofDays(50)));
    }

    private static void generatedPerson(Batch batch, Ids ids, Random random, Instant today, String email,
            String name, String phone, int scale) throws SQLException {
        if (random.nextInt(3) == 0) {
            batch.enquiry(ids.next(), email, name, phone, "Please send me your price list.",
                    BASE.minus(Duration.ofDays(random.nextInt(700))));
        }
        if (random.nextBoolean()) {
            batch.newsletter(ids.next(), email, "Product news", BASE.minus(Duration.ofDays(random.nextInt(700))));
        }
        if (random.nextInt(5) == 0) {
            batch.unsubscribe(ids.next(), email, "Offers", null, BASE.minus(Duration.ofDays(random.nextInt(300))));
        }
        for (int i = 0, n = random.nextInt(3) * scale; i < n; i++) {
            batch.ticket(ids.next(), email, name, TICKET_SUBJECTS.get(random.nextInt(TICKET_SUBJECTS.size())),
                    random.nextInt(4) == 0 ? "OPEN" : "CLOSED", BASE.minus(Duration.ofDays(random.nextInt(900))));
        }
        for (int i = 0, n = random.nextInt(2) * scale; i < n; i++) {
            batch.recording(ids.next(), phone, random.nextBoolean() ? email : null, "Agent " + (1 + random.nextInt(9)),
                    30 + random.nextInt(900), today.minus(Duration.ofDays(random.nextInt(200))));
        }
        for (int i = 0, n = random.nextInt(4) * scale; i < n; i++) {
            batch.visit(ids.next(), email, PARTNERS.get(0), CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size())),
                    "198.51.100." + random.nextInt(255), BASE.minus(Duration.ofDays(random.nextInt(400))));
        }
        if (random.nextBoolean()) {
            batch.cookie(ids.next(), email, "ga-" + Long.toHexString(random.nextLong()), "Google Analytics",
                    random.nextInt(4) > 0, BASE.minus(Duration.ofDays(random.nextInt(400))));
        }
        if (random.nextInt(4) == 0) {
            batch.share(ids.next(), email, PARTNERS.get(1 + random.nextInt(2)), "email, product interests",
                    BASE.minus(Duration.ofDays(random.nextInt(400))));
        }
    }

    /** Ids for generated rows, above those of V2. */
    private static final class Ids {
        private long next = 10_000;

        long next() {
            return next++;
        }
    }

    /** Prepared inserts, executed in batches. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement enquiry;
        private final PreparedStatement newsletter;
        private final PreparedStatement unsubscribe;
        private final PreparedStatement order;
        private final PreparedStatement ticket;
        private final PreparedStatement recording;
        private final PreparedStatement visit;
        private final PreparedStatement cookie;
        private final PreparedStatement share;

        Batch(Connection db) throws SQLException {
            enquiry = db.prepareStatement("INSERT INTO sor.web_enquiry (id, email, full_name, company, phone, message,"
                    + " submitted_at) VALUES (?, ?, ?, NULL, ?, ?, ?)");
            newsletter = db.prepareStatement("INSERT INTO sor.newsletter_subscription (id, email, list_name,"
                    + " consent_source, subscribed_at, unsubscribed_at) VALUES (?, ?, ?, 'web form double opt-in', ?, NULL)");
            unsubscribe = db.prepareStatement("INSERT INTO sor.newsletter_unsubscribe (id, email, list_name, reason,"
                    + " unsubscribed_at) VALUES (?, ?, ?, ?, ?)");
            order = db.prepareStatement("INSERT INTO sor.customer_order (id, order_number, customer_id, ordered_at,"
                    + " total_amount, currency, card_last_four, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'DELIVERED')");
            ticket = db.prepareStatement("INSERT INTO sor.support_ticket (id, ticket_no, email, full_name, subject,"
                    + " body, status, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            recording = db.prepareStatement("INSERT INTO sor.call_recording (id, caller_phone, caller_email,"
                    + " agent_name, duration_sec, recording_ref, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
            visit = db.prepareStatement("INSERT INTO sor.affiliate_visit (id, email, affiliate, campaign, ip_address,"
                    + " user_agent, visited_at) VALUES (?, ?, ?, ?, ?, 'Mozilla/5.0 (X11; Linux x86_64)', ?)");
            cookie = db.prepareStatement("INSERT INTO sor.analytics_cookie (id, email, cookie_id, provider,"
                    + " consent_given, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
            share = db.prepareStatement("INSERT INTO sor.partner_share (id, email, partner, data_shared, shared_at)"
                    + " VALUES (?, ?, ?, ?, ?)");
        }

        void enquiry(long id, String email, String name, String phone, String message, Instant at) throws SQLException {
            set(enquiry, id, email, name, phone, message, ts(at));
        }

        void newsletter(long id, String email, String list, Instant at) throws SQLException {
            set(newsletter, id, email, list, ts(at));
        }

        void unsubscribe(long id, String email, String list, String reason, Instant at) throws SQLException {
            set(unsubscribe, id, email, list, reason, ts(at));
        }

        void order(long id, long customerId, Instant at, String amount, String currency, String lastFour)
                throws SQLException {
            set(order, id, "O-G-" + id, customerId, ts(at), new java.math.BigDecimal(amount), currency, lastFour);
        }

        void ticket(long id, String email, String name, String subject, String status, Instant at)
                throws SQLException {
            set(ticket, id, "T-" + id, email, name, subject,
                    "Customer wrote about: " + subject.toLowerCase(Locale.ROOT) + ".", status, ts(at));
        }

        void recording(long id, String phone, String email, String agent, int seconds, Instant at)
                throws SQLException {
            set(recording, id, phone, email, agent, seconds, "rec/" + id + ".mp3", ts(at));
        }

        void visit(long id, String email, String affiliate, String campaign, String ip, Instant at)
                throws SQLException {
            set(visit, id, email, affiliate, campaign, ip, ts(at));
        }

        void cookie(long id, String email, String cookieId, String provider, boolean consent, Instant firstSeen)
                throws SQLException {
            set(cookie, id, email, cookieId, provider, consent, ts(firstSeen), ts(firstSeen.plus(Duration.ofDays(9))));
        }

        void share(long id, String email, String partner, String data, Instant at) throws SQLException {
            set(share, id, email, partner, data, ts(at));
        }

        private static Timestamp ts(Instant at) {
            return Timestamp.from(at);
        }

        private static void set(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(enquiry, newsletter, unsubscribe, order, ticket, recording,
                    visit, cookie, share)) {
                statement.executeBatch();
                statement.close();
            }
        }
    }
}
