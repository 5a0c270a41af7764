package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly retention process on PostgreSQL: its timer starts a run that deletes every call recording older than
 * the catalogue's 3 months at the processor (over HTTP, in pages) and every affiliate visit older than 13 months (SQL),
 * whoever it is about, keeps the younger ones, records the evidence, keeps only the expired records of a subject a
 * legal hold is on, and leaves a source alone while a legal hold keeps the whole source. The demo's expired records
 * are put back afterwards, so that the other journeys find the demo data as shipped.
 */
class RoutineRetentionJourneyTest extends JourneyTestSupport {

    private static final String RECORDINGS = "sor.call_recording";
    private static final String VISITS = "sor.affiliate_visit";

    @Autowired
    private JdbcClient jdbc;

    private final Map<String, List<Map<String, Object>>> expiredBefore = new LinkedHashMap<>();

    /** Holds other journeys placed (on a subject, in every source) would keep records from the run. */
    @BeforeEach
    void releaseTheHoldsOfEarlierJourneysAndNoteTheDemosExpiredRecords() {
        jdbc.sql("UPDATE legal_hold SET released_at = CURRENT_TIMESTAMP WHERE released_at IS NULL").update();
        expiredBefore.put(RECORDINGS, rows(RECORDINGS, "recorded_at", Instant.now().minus(80, ChronoUnit.DAYS)));
        expiredBefore.put(VISITS, rows(VISITS, "visited_at", Instant.now().minus(380, ChronoUnit.DAYS)));
    }

    @Test
    void shouldDeleteEveryRecordPastItsRetentionPeriodAtTheProcessorAndInTheDatabaseAndKeepTheYoungerOnes() {
        String caller = uniqueEmail("old.caller");
        long old = recording(caller, "+44 20 7946 0001", 100);
        long young = recording(caller, "+44 20 7946 0001", 80);
        long oldVisit = visit(caller, 400);
        long youngVisit = visit(caller, 380);
        Instant cutoff = Instant.now().atOffset(ZoneOffset.UTC).minusMonths(3).toInstant();
        List<Map<String, Object>> expiredRecordings = expired(cutoff.plus(1, ChronoUnit.HOURS));
        assertThat(expiredRecordings).hasSizeGreaterThan(2);

        String run = nightlyRun();

        assertThat(ids(caller)).containsExactly(young).doesNotContain(old);
        assertThat(expired(cutoff.minus(1, ChronoUnit.HOURS))).isEmpty();
        Map<String, Object> evidence = evidence(run, "call-recordings");
        assertThat(evidence).containsEntry("table_name", "recordings").containsEntry("legal_hold_id", null)
                .containsEntry("rows_kept", 0).containsEntry("kept_by_holds", null);
        Instant runCutoff = ((Timestamp) evidence.get("cutoff")).toInstant();
        assertThat(runCutoff).isBetween(cutoff, cutoff.plus(5, ChronoUnit.MINUTES));
        assertThat(evidence.get("rows_deleted")).isEqualTo((int) expiredRecordings.stream()
                .filter(row -> ((Timestamp) row.get("recorded_at")).toInstant().isBefore(runCutoff)).count());

        assertThat(visitIds(caller)).containsExactly(youngVisit).doesNotContain(oldVisit);
        Instant visitCutoff = Instant.now().atOffset(ZoneOffset.UTC).minusMonths(13).toInstant();
        assertThat(rows(VISITS, "visited_at", visitCutoff.minus(1, ChronoUnit.HOURS))).isEmpty();
        assertThat(evidence(run, "affiliate-visits")).containsEntry("table_name", VISITS)
                .containsEntry("legal_hold_id", null).containsEntry("rows_kept", 0);
        assertThat((int) evidence(run, "affiliate-visits").get("rows_deleted")).isPositive();
    }

    @Test
    void shouldKeepOnlyTheExpiredRecordsOfTheSubjectsALegalHoldIsOnAndDeleteEveryoneElses() {
        String held = uniqueEmail("held.caller");
        String other = uniqueEmail("other.caller");
        String heldPhone = "+1 555 0" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        long heldRecording = recording(held, "+44 20 7946 0001", 100);
        long otherRecording = recording(other, "+44 20 7946 0001", 100);
        long heldByPhone = recording(null, heldPhone, 120);
        long heldVisit = visit(held, 400);
        long otherVisit = visit(other, 400);
        String emailHold = hold("""
                {"matterReference": "M-2026-091", "scope": "SUBJECT", "subject": {"type": "EMAIL", "value": "%s"},
                 "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS", "note": "Dispute about a refund", "reviewAt": "%s"}
                """.formatted(held.toUpperCase(), LocalDate.now().plusMonths(3)));
        String phoneHold = hold("""
                {"matterReference": "M-2026-092", "scope": "SUBJECT", "subject": {"type": "PHONE", "value": "%s"},
                 "sourceName": "call-recordings", "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS",
                 "note": "Complaint about a call", "reviewAt": "%s"}
                """.formatted(heldPhone.replace("+1 ", "001-"), LocalDate.now().plusMonths(3)));
        try {
            String run = nightlyRun();

            assertThat(ids(held)).containsExactly(heldRecording);
            assertThat(ids(other)).isEmpty();
            assertThat(expired(Instant.now().minus(95, ChronoUnit.DAYS))).extracting(row -> row.get("id"))
                    .containsExactlyInAnyOrder(heldRecording, heldByPhone).doesNotContain(otherRecording);
            assertThat(evidence(run, "call-recordings")).containsEntry("legal_hold_id", null)
                    .containsEntry("rows_kept", 2).containsEntry("kept_by_holds", emailHold + "," + phoneHold);
            assertThat((int) evidence(run, "call-recordings").get("rows_deleted")).isPositive();

            assertThat(visitIds(held)).containsExactly(heldVisit);
            assertThat(visitIds(other)).doesNotContain(otherVisit).isEmpty();
            assertThat(evidence(run, "affiliate-visits")).containsEntry("legal_hold_id", null)
                    .containsEntry("rows_kept", 1).containsEntry("kept_by_holds", emailHold);
            assertThat((int) evidence(run, "affiliate-visits").get("rows_deleted")).isPositive();
        } finally {
            release(emailHold);
            release(phoneHold);
            jdbc.sql("DELETE FROM sor.call_recording WHERE id IN (:ids)")
                    .param("ids", List.of(heldRecording, heldByPhone)).update();
            jdbc.sql("DELETE FROM sor.affiliate_visit WHERE id = :id").param("id", heldVisit).update();
        }
    }

    @Test
    void shouldLeaveTheSourceAloneWhileALegalHoldKeepsItWhole() {
        String caller = uniqueEmail("held.old.caller");
        long old = recording(caller, "+44 20 7946 0001", 200);
        long oldVisit = visit(caller, 400);
        String holdId = hold("""
                {"matterReference": "M-2026-090", "scope": "SOURCE", "sourceName": "call-recordings",
                 "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS", "note": "Regulator's inquiry into our call handling",
                 "reviewAt": "%s"}
                """.formatted(LocalDate.now().plusMonths(3)));
        try {
            String run = nightlyRun();

            assertThat(ids(caller)).containsExactly(old);
            assertThat(evidence(run, "call-recordings")).containsEntry("rows_deleted", 0)
                    .containsEntry("legal_hold_id", holdId).containsEntry("rows_kept", null)
                    .containsEntry("kept_by_holds", holdId);
            assertThat(visitIds(caller)).as("the hold is on another source").doesNotContain(oldVisit).isEmpty();
            assertThat(evidence(run, "affiliate-visits")).containsEntry("legal_hold_id", null);
        } finally {
            release(holdId);
            jdbc.sql("DELETE FROM sor.call_recording WHERE id = :id").param("id", old).update();
        }
    }

    @AfterEach
    void putBackTheDemosExpiredRecords() {
        expiredBefore.forEach((table, rows) -> {
            for (Map<String, Object> row : rows) {
                if (jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id").param("id", row.get("id"))
                        .query(Long.class).single() == 0) {
                    jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                            + String.join(", ", row.keySet().stream().map(column -> ":" + column).toList()) + ")")
                            .params(row).update();
                }
            }
        });
    }

    /** Fires the nightly timer as the job executor would, runs the run's jobs; the run's process instance id. */
    private String nightlyRun() {
        Job timer = management.createJobQuery().timers().processDefinitionKey("RoutineRetentionProcess")
                .singleResult();
        assertThat(timer).as("the nightly timer of the deployed retention process").isNotNull();
        management.executeJob(timer.getId());
        String run = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("RoutineRetentionProcess").orderByProcessInstanceStartTime().desc().list()
                .get(0).getId();
        runDueJobs();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(run)
                .singleResult().getEndTime()).as("the run ended").isNotNull();
        return run;
    }

    private long recording(String email, String phone, int daysOld) {
        long id = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
        jdbc.sql("""
                INSERT INTO sor.call_recording (id, caller_phone, caller_email, agent_name, duration_sec,
                    recording_ref, recorded_at)
                VALUES (:id, :phone, :email, 'Agent', 60, :ref, :at)
                """).param("id", id).param("phone", phone).param("email", email).param("ref", "rec-" + id)
                .param("at", Timestamp.from(Instant.now().minus(daysOld, ChronoUnit.DAYS))).update();
        return id;
    }

    private long visit(String email, int daysOld) {
        long id = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
        jdbc.sql("""
                INSERT INTO sor.affiliate_visit (id, email, affiliate, campaign, ip_address, user_agent, visited_at)
                VALUES (:id, :email, 'Share-A-Sale', 'winter', '203.0.113.99', NULL, :at)
                """).param("id", id).param("email", email)
                .param("at", Timestamp.from(Instant.now().minus(daysOld, ChronoUnit.DAYS))).update();
        return id;
    }

    private List<Long> ids(String email) {
        return jdbc.sql("SELECT id FROM sor.call_recording WHERE caller_email = :email ORDER BY id")
                .param("email", email).query(Long.class).list();
    }

    private List<Long> visitIds(String email) {
        return jdbc.sql("SELECT id FROM sor.affiliate_visit WHERE email = :email ORDER BY visited_at")
                .param("email", email).query(Long.class).list();
    }

    private List<Map<String, Object>> expired(Instant before) {
        return rows(RECORDINGS, "recorded_at", before);
    }

    private List<Map<String, Object>> rows(String table, String column, Instant before) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE " + column + " < :before")
                .param("before", Timestamp.from(before)).query().listOfRows();
    }

    private Map<String, Object> evidence(String run, String source) {
        return jdbc.sql("""
                SELECT table_name, cutoff, rows_deleted, legal_hold_id, rows_kept, kept_by_holds
                FROM retention_evidence WHERE run_id = :run AND source_name = :source
                """).param("run", run).param("source", source).query().singleRow();
    }

    private String hold(String json) {
        ResponseEntity<Map> hold = legal(HttpMethod.POST, "/api/legal-holds", json);
        assertThat(hold.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) hold.getBody().get("id");
    }

    private void release(String holdId) {
        assertThat(legal(HttpMethod.POST, "/api/legal-holds/" + holdId + "/release", "{\"note\": \"Matter closed\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<Map> legal(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("legal", "legal").exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }
}
