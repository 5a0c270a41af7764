package org.harmony.dsar.breach;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people a breach notice goes to (table {@code breach_recipient}), one row per lower-cased address and breach,
 * and their state: PENDING, CLAIMED by a sender until its lease ends, SENT or FAILED. Claims use
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x alike), so that any number of senders on any number of
 * engine nodes take disjoint batches without waiting for each other.
 */
@Repository
class BreachRecipients {

    static final String PENDING = "PENDING";
    static final String CLAIMED = "CLAIMED";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    /** Rows that are an address at all: hashed (erased) addresses and blanks are left out. */
    private static final String PLAUSIBLE_EMAIL = "q.email LIKE '%_@_%' AND LENGTH(q.email) <= 320";
    private static final int INSERT_BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BreachRecipients(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An affected person as a sender needs them. Never logged. */
    record Recipient(long id, String email, String region, String language) {
    }

    record Progress(long total, long sent, long failed, long pending) {
    }

    /** Whether a subjects query on the engine's database says where people live or which language they read. */
    boolean describesRegionOrLanguage(String subjectsQuery) {
        Set<String> columns = columnsOf(subjectsQuery);
        return columns.contains("region") || columns.contains("language");
    }

    /**
     * Adds everyone the query finds who is not yet a recipient of the breach, inside the database (INSERT ...
     * SELECT): nothing passes through the JVM, whatever the number of people.
     *
     * @param subjectsQuery a query on the engine's own database returning {@code email} and optionally
     *                      {@code region} and {@code language}
     * @return how many people were added
     */
    int addFromQuery(String breachId, String source, String subjectsQuery) {
        Set<String> columns = columnsOf(subjectsQuery);
        String region = columns.contains("region") ? "q.region" : "CAST(NULL AS VARCHAR(8))";
        String language = columns.contains("language") ? "q.language" : "CAST(NULL AS VARCHAR(8))";
        return jdbc.sql("""
                INSERT INTO breach_recipient (breach_id, email, region, language, source, status, attempts)
                SELECT :breachId, s.email, MAX(s.region), MAX(s.language), :source, 'PENDING', 0
                FROM (SELECT LOWER(TRIM(q.email)) AS email, %s AS region, %s AS language
                      FROM (%s) q WHERE %s) s
                WHERE NOT EXISTS (SELECT 1 FROM breach_recipient r WHERE r.breach_id = :breachId AND r.email = s.email)
                GROUP BY s.email
                """.formatted(region, language, subjectsQuery.strip(), PLAUSIBLE_EMAIL))
                .param("breachId", breachId)
                .param("source", source)
                .update();
    }

    /**
     * Adds everyone a query on another database finds, streamed and inserted in batches: memory stays bounded.
     *
     * @return how many rows were offered (duplicates are skipped by the database)
     */
    int addFromOtherDatabase(String breachId, String source, NamedParameterJdbcTemplate sourceDb, String subjectsQuery) {
        List<Object[]> batch = new ArrayList<>(INSERT_BATCH);
        int[] offered = {0};
        sourceDb.getJdbcTemplate().query(subjectsQuery, rs -> {
            Set<String> columns = columns(rs.getMetaData());
            String email = rs.getString("email");
            if (email == null || !email.contains("@") || email.length() > 320) {
                return;
            }
            batch.add(new Object[] {breachId, email.strip().toLowerCase(Locale.ROOT),
                    columns.contains("region") ? rs.getString("region") : null,
                    columns.contains("language") ? rs.getString("language") : null, source});
            offered[0]++;
            if (batch.size() == INSERT_BATCH) {
                insertEach(batch);
                batch.clear();
            }
        });
        insertEach(batch);
        return offered[0];
    }

    /** Adds the given people (already validated addresses) unless they are recipients already. */
    void addEach(String breachId, String source, List<NewBreach.Subject> subjects) {
        insertEach(subjects.stream().map(subject -> new Object[] {breachId,
                subject.email().strip().toLowerCase(Locale.ROOT),
                subject.region() == null ? null : subject.region().code(), subject.language(), source}).toList());
    }

    private void insertEach(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO breach_recipient (breach_id, email, region, language, source, status, attempts)
                SELECT ?, e.email, ?, ?, ?, 'PENDING', 0 FROM (SELECT CAST(? AS VARCHAR(320)) AS email) e
                WHERE NOT EXISTS (SELECT 1 FROM breach_recipient r WHERE r.breach_id = ? AND r.email = e.email)
                """, rows.stream().map(row -> new Object[] {row[0], row[2], row[3], row[4], row[1], row[0]}).toList());
    }

    /**
     * Claims up to {@code limit} recipients for one sender: pending ones first, then those whose claim is older than
     * {@code leaseCutoff} (their sender's node stopped). Call in a short transaction of its own.
     */
    List<Recipient> claim(String breachId, String claimedBy, int limit, Instant now, Instant leaseCutoff) {
        List<Recipient> claimed = new ArrayList<>(select(breachId, PENDING, null, limit));
        if (claimed.size() < limit) {
            claimed.addAll(select(breachId, CLAIMED, leaseCutoff, limit - claimed.size()));
        }
        if (!claimed.isEmpty()) {
            template.batchUpdate("""
                    UPDATE breach_recipient SET status = 'CLAIMED', claimed_by = ?, claimed_at = ?,
                        attempts = attempts + 1 WHERE id = ?
                    """, claimed.stream().map(r -> new Object[] {claimedBy, Timestamp.from(now), r.id()}).toList());
        }
        return claimed;
    }

    private List<Recipient> select(String breachId, String status, Instant claimedBefore, int limit) {
        return jdbc.sql("""
                SELECT id, email, region, language FROM breach_recipient
                WHERE breach_id = :breachId AND status = :status %s
                ORDER BY id FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED
                """.formatted(claimedBefore == null ? "" : "AND claimed_at < :before", limit))
                .param("breachId", breachId)
                .param("status", status)
                .param("before", claimedBefore == null ? null : Timestamp.from(claimedBefore))
                .query((rs, row) -> new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("region"),
                        rs.getString("language")))
                .list();
    }

    /** Records the notices the SMTP server accepted, with the Message-ID each carried. */
    void sent(List<Delivery> deliveries, Instant at) {
        template.batchUpdate("""
                UPDATE breach_recipient SET status = 'SENT', sent_at = ?, message_id = ?, sent_by = claimed_by,
                    claimed_by = NULL,
                    last_error = NULL WHERE id = ?
                """, deliveries.stream().map(d -> new Object[] {Timestamp.from(at), d.messageId(), d.recipientId()})
                .toList());
    }

    /** Records addresses the server refused for good: no retry would change that. */
    void failed(List<Delivery> refusals) {
        template.batchUpdate("""
                UPDATE breach_recipient SET status = 'FAILED', claimed_by = NULL, last_error = ? WHERE id = ?
                """, refusals.stream().map(d -> new Object[] {truncate(d.error()), d.recipientId()}).toList());
    }

    /** Gives claimed recipients back (SMTP unreachable): the next sender takes them. */
    void release(List<Long> recipientIds, String error) {
        template.batchUpdate("""
                UPDATE breach_recipient SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL, last_error = ?
                WHERE id = ? AND status = 'CLAIMED'
                """, recipientIds.stream().map(id -> new Object[] {truncate(error), id}).toList());
    }

    /** Whether recipients are still claimed by other senders, whose lease has not ended. */
    boolean claimedByOthers(String breachId) {
        return jdbc.sql("SELECT COUNT(*) FROM breach_recipient WHERE breach_id = :breachId AND status = 'CLAIMED'")
                .param("breachId", breachId).query(Long.class).single() > 0;
    }

    Progress progress(String breachId) {
        long[] counts = new long[4];
        jdbc.sql("SELECT status, COUNT(*) AS n FROM breach_recipient WHERE breach_id = :breachId GROUP BY status")
                .param("breachId", breachId)
                .query(rs -> {
                    long n = rs.getLong("n");
                    counts[0] += n;
                    switch (rs.getString("status")) {
                        case SENT -> counts[1] += n;
                        case FAILED -> counts[2] += n;
                        default -> counts[3] += n;
                    }
                });
        return new Progress(counts[0], counts[1], counts[2], counts[3]);
    }

    /** One recipient's outcome at the SMTP server. */
    record Delivery(long recipientId, String messageId, String error) {
    }

    private Set<String> columnsOf(String query) {
        return template.query("SELECT * FROM (" + query.strip() + ") q WHERE 1 = 0", rs -> {
            return columns(rs.getMetaData());
        });
    }

    private static Set<String> columns(ResultSetMetaData meta) throws java.sql.SQLException {
        Set<String> columns = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
