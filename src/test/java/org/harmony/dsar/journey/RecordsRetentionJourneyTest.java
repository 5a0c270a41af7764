package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.retention.RecordsPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's own records of a request are kept for dsar.records.retention (36 months here) after it ended, then
 * deleted by a purge that runs on one node at a time; suppressions outlive their request; the engine's history
 * lives as long. Requests are back-dated instead of waiting 36 months.
 */
class RecordsRetentionJourneyTest extends JourneyTestSupport {

    private static final Instant NOW = Instant.now();

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private RecordsPurge purge;
    @Autowired
    private RepositoryService repository;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private RequestFiles files;

    @Test
    void shouldDeleteTheRecordsOfRequestsEndedBeforeTheRetentionPeriodAndKeepTheRest() {
        String expired = requestWithRecords(monthsAgo(37));
        String kept = requestWithRecords(monthsAgo(35));
        String open = requestWithRecords(null);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(rowsOf(expired)).as("row, trail, evidence, mail records of the expired request").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suppression_entry WHERE subject_hash = :hash")
                .param("hash", "hash-" + expired).query(Integer.class).single())
                .as("the opt-out outlives its request, unlinked").isEqualTo(1);
        assertThat(rowsOf(kept)).as("ended 35 months ago: kept").isEqualTo(8);
        assertThat(rowsOf(open)).as("still open: kept").isEqualTo(8);
    }

    @Test
    void shouldPurgeOnOneNodeAtATime() {
        String expired = requestWithRecords(monthsAgo(40));
        jdbc.sql("DELETE FROM scheduled_lock").update();
        jdbc.sql("""
                INSERT INTO scheduled_lock (name, locked_until, locked_at, locked_by)
                VALUES ('records-purge', :until, :now, 'another-node')
                """).param("until", Timestamp.from(NOW.plusSeconds(3600))).param("now", Timestamp.from(NOW)).update();

        assertThat(purge.purge()).as("another node holds the lock").isEqualTo(-1);
        assertThat(rowsOf(expired)).isEqualTo(8);

        jdbc.sql("UPDATE scheduled_lock SET locked_until = :past").param("past", Timestamp.from(NOW.minusSeconds(1)))
                .update();
        assertThat(purge.purge()).as("the other node's lease is over").isGreaterThanOrEqualTo(1);
        assertThat(rowsOf(expired)).isZero();
        assertThat(jdbc.sql("SELECT locked_until FROM scheduled_lock WHERE name = 'records-purge'")
                .query(Timestamp.class).single().toInstant()).as("released at once")
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void shouldKeepTheEngineHistoryOfRequestsForTheRetentionPeriod() {
        int days = (int) ChronoUnit.DAYS.between(LocalDate.now(), LocalDate.now().plusMonths(36));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("DsarProcess").latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(days);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("ResponseDeadline")
                .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(days);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("BreachNotificationProcess")
                .latestVersion().singleResult().getHistoryTimeToLive()).as("the model's own").isEqualTo(3650);
    }

    @Test
    void shouldCoverEveryTableThatRefersToARequest() throws SQLException {
        List<String> referring = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet keys = connection.getMetaData().getExportedKeys(null, null, "dsar_request")) {
            while (keys.next()) {
                referring.add(keys.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(referring).isNotEmpty();
        assertThat(RecordsPurge.TABLES).containsAll(referring);
    }

    /** A request with an event, a mail record, an extension, erasure evidence and a suppression; its id. */
    private String requestWithRecords(Instant endedAt) {
        String id = UUID.randomUUID().toString();
        Timestamp received = Timestamp.from((endedAt == null ? NOW : endedAt).minusSeconds(86400 * 30));
        jdbc.sql("""
                INSERT INTO dsar_request (id, reference, request_type, jurisdiction, email, full_name, language, stage,
                    received_at, completed_at, ended_at)
                VALUES (:id, :reference, 'ERASURE', 'US-CA', 'old@example.org', 'Old Request', 'en', :stage, :received,
                    :ended, :ended)
                """).param("id", id).param("reference", "RET-" + id.substring(0, 8))
                .param("stage", endedAt == null ? "FULFILLING" : "COMPLETED").param("received", received)
                .param("ended", endedAt == null ? null : Timestamp.from(endedAt)).update();
        jdbc.sql("""
                INSERT INTO request_event (id, request_id, occurred_at, event_type) VALUES (:e, :id, :at, 'RECEIVED')
                """)
                .param("e", UUID.randomUUID().toString()).param("id", id).param("at", received).update();
        jdbc.sql("""
                INSERT INTO sent_mail (idempotency_key, request_id, template, sent_at) VALUES (:k, :id, 'ack', :at)
                """)
                .param("k", "ret-" + id).param("id", id).param("at", received).update();
        jdbc.sql("""
                INSERT INTO deadline_extension (id, request_id, requested_at, reason_code, extension_period,
                    previous_due_at, new_due_at) VALUES (:e, :id, :at, 'COMPLEXITY', 'P45D', :at, :at)
                """).param("e", UUID.randomUUID().toString()).param("id", id).param("at", received).update();
        jdbc.sql("""
                INSERT INTO erasure_evidence (id, request_id, source_name, table_name, action, rows_erased, rows_kept,
                    executed_at) VALUES (:e, :id, 'orders', 'sor.orders', 'DELETE', 2, 0, :at)
                """).param("e", UUID.randomUUID().toString()).param("id", id).param("at", received).update();
        jdbc.sql("""
                INSERT INTO suppression_entry (id, request_id, subject_hash, scope, recorded_at)
                VALUES (:e, :id, :hash, 'OPT_OUT_OF_SALE', :at)
                """).param("e", UUID.randomUUID().toString()).param("id", id).param("hash", "hash-" + id)
                .param("at", received).update();
        files.write(id, "lookup-orders.jsonl", out -> out.write("{}\n".getBytes()));
        return id;
    }

    /** The request's row and its rows in the other tables written above, its stored file and that file's chunk. */
    private int rowsOf(String id) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM dsar_request WHERE id = :id)
                    + (SELECT COUNT(*) FROM request_event WHERE request_id = :id)
                    + (SELECT COUNT(*) FROM sent_mail WHERE request_id = :id)
                    + (SELECT COUNT(*) FROM deadline_extension WHERE request_id = :id)
                    + (SELECT COUNT(*) FROM erasure_evidence WHERE request_id = :id)
                    + (SELECT COUNT(*) FROM suppression_entry WHERE request_id = :id)
                    + (SELECT COUNT(*) FROM request_file WHERE request_id = :id)
                    + (SELECT COUNT(*) FROM request_file_chunk c JOIN request_file f ON f.id = c.file_id
                       WHERE f.request_id = :id)
                """).param("id", id).query(Integer.class).single();
    }

    private static Instant monthsAgo(int months) {
        return NOW.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
