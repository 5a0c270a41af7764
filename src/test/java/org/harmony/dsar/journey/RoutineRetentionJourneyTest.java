package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * the catalogue's 3 months at the processor (over HTTP, in pages), whoever it is about, keeps the younger ones,
 * records the evidence, and leaves the source alone while a legal hold keeps it. The demo's other expired recordings
 * are put back afterwards, so that the other journeys find the demo data as shipped.
 */
class RoutineRetentionJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;

    private List<Map<String, Object>> expiredBefore = List.of();

    /** Holds other journeys placed (on a subject, in every source) would keep the whole source from the run. */
    @BeforeEach
    void releaseTheHoldsOfEarlierJourneys() {
        jdbc.sql("UPDATE legal_hold SET released_at = CURRENT_TIMESTAMP WHERE released_at IS NULL").update();
    }

    @Test
    void shouldDeleteEveryRecordingPastThreeMonthsAtTheProcessorAndKeepTheYoungerOnes() {
        String caller = uniqueEmail("old.caller");
        long old = recording(caller, 100);
        long young = recording(caller, 80);
        Instant cutoff = Instant.now().atOffset(ZoneOffset.UTC).minusMonths(3).toInstant();
        expiredBefore = expired(cutoff.plus(1, ChronoUnit.HOURS));
        assertThat(expiredBefore).hasSizeGreaterThan(2);

        String run = nightlyRun();

        assertThat(ids(caller)).containsExactly(young).doesNotContain(old);
        assertThat(expired(cutoff.minus(1, ChronoUnit.HOURS))).isEmpty();
        Map<String, Object> evidence = evidence(run);
        assertThat(evidence).containsEntry("source_name", "call-recordings").containsEntry("table_name", "recordings")
                .containsEntry("legal_hold_id", null);
        Instant runCutoff = ((Timestamp) evidence.get("cutoff")).toInstant();
        assertThat(runCutoff).isBetween(cutoff, cutoff.plus(5, ChronoUnit.MINUTES));
        assertThat(evidence.get("rows_deleted")).isEqualTo((int) expiredBefore.stream()
                .filter(row -> ((Timestamp) row.get("recorded_at")).toInstant().isBefore(runCutoff)).count());
    }

    @Test
    void shouldLeaveTheSourceAloneWhileALegalHoldKeepsIt() {
        String caller = uniqueEmail("held.old.caller");
        long old = recording(caller, 200);
        ResponseEntity<Map> hold = legal(HttpMethod.POST, "/api/legal-holds", """
                {"matterReference": "M-2026-090", "scope": "SOURCE", "sourceName": "call-recordings",
                 "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS", "note": "Regulator's inquiry into our call handling",
                 "reviewAt": "%s"}
                """.formatted(LocalDate.now().plusMonths(3)));
        assertThat(hold.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String holdId = (String) hold.getBody().get("id");
        try {
            String run = nightlyRun();

            assertThat(ids(caller)).containsExactly(old);
            assertThat(evidence(run)).containsEntry("rows_deleted", 0).containsEntry("legal_hold_id", holdId);
        } finally {
            assertThat(legal(HttpMethod.POST, "/api/legal-holds/" + holdId + "/release",
                    "{\"note\": \"Inquiry closed\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
            jdbc.sql("DELETE FROM sor.call_recording WHERE id = :id").param("id", old).update();
        }
    }

    @AfterEach
    void putBackTheDemosExpiredRecordings() {
        for (Map<String, Object> row : expiredBefore) {
            jdbc.sql("""
                    INSERT INTO sor.call_recording (id, caller_phone, caller_email, agent_name, duration_sec,
                        recording_ref, recorded_at)
                    VALUES (:id, :phone, :email, :agent, :seconds, :ref, :at)
                    """).param("id", row.get("id")).param("phone", row.get("caller_phone"))
                    .param("email", row.get("caller_email")).param("agent", row.get("agent_name"))
                    .param("seconds", row.get("duration_sec")).param("ref", row.get("recording_ref"))
                    .param("at", row.get("recorded_at")).update();
        }
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

    private long recording(String email, int daysOld) {
        long id = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
        jdbc.sql("""
                INSERT INTO sor.call_recording (id, caller_phone, caller_email, agent_name, duration_sec,
                    recording_ref, recorded_at)
                VALUES (:id, '+44 20 7946 0001', :email, 'Agent', 60, :ref, :at)
                """).param("id", id).param("email", email).param("ref", "rec-" + id)
                .param("at", Timestamp.from(Instant.now().minus(daysOld, ChronoUnit.DAYS))).update();
        return id;
    }

    private List<Long> ids(String email) {
        return jdbc.sql("SELECT id FROM sor.call_recording WHERE caller_email = :email ORDER BY id")
                .param("email", email).query(Long.class).list();
    }

    private List<Map<String, Object>> expired(Instant before) {
        return jdbc.sql("SELECT * FROM sor.call_recording WHERE recorded_at < :before")
                .param("before", Timestamp.from(before)).query().listOfRows();
    }

    private Map<String, Object> evidence(String run) {
        return jdbc.sql("""
                SELECT source_name, table_name, cutoff, rows_deleted, legal_hold_id FROM retention_evidence
                WHERE run_id = :run
                """).param("run", run).query().singleRow();
    }

    private ResponseEntity<Map> legal(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("legal", "legal").exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }
}
