package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.harmony.dsar.processor.CallRecordingProcessor;
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
 * Call recordings live at a processor (the demo's call recording provider, reached over HTTP with a token from
 * the configuration, answering in pages): an erasure deletes the subject's recordings there, recent or not (no
 * blanket retention keeps them), unless a legal hold covers them; the evidence and the Art 19 notice say so. An
 * objection stops the use of the caller's recordings for staff training there.
 */
class ProcessorErasureJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private CallRecordingProcessor processor;

    @Test
    void shouldDeleteTheSubjectsRecordingsAtTheProcessorWhateverTheirAge() {
        String email = uniqueEmail("caller");
        List<Long> recordings = record(email, 3);
        int othersBefore = othersThan(email);

        String reference = submitAndVerify(email, erasure(email));
        approve(reference);

        assertThat(recordingsOf(email)).isZero();
        assertThat(othersThan(email)).isEqualTo(othersBefore);
        Map<String, Object> evidence = evidence(reference);
        assertThat(evidence).containsEntry("table_name", "recordings").containsEntry("action", "DELETE")
                .containsEntry("rows_erased", recordings.size()).containsEntry("rows_kept", 0);
        ReceivedMail notice = awaitMail("privacy@callrec.example", reference + ": erasure request");
        assertThat(notice.text()).contains(email).contains("Article 19");
        assertThat(awaitMail(email, reference + ": your request is complete").text())
                .contains("Erased: Call recordings, 3 records");
    }

    @Test
    void shouldKeepTheRecordingsAtTheProcessorThatALegalHoldCovers() {
        String email = uniqueEmail("held.caller");
        record(email, 3);
        ResponseEntity<Map> hold = placeHold(email);
        assertThat(hold.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String reference = submitAndVerify(email, erasure(email));
        String legalTask = officerTask(reference, "legal");
        assertThat(http.withBasicAuth("legal", "legal").exchange("/engine-rest/task/" + legalTask + "/complete",
                HttpMethod.POST, json("{\"variables\": {\"legalReviewDecision\": {\"value\": \"CONFIRM_PARTIAL\"}}}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(recordingsOf(email)).isEqualTo(3);
        assertThat(evidence(reference)).containsEntry("rows_erased", 0).containsEntry("rows_kept", 3)
                .containsEntry("kept_reason", "GDPR-17-3-E-LEGAL-CLAIMS")
                .containsEntry("legal_hold_id", hold.getBody().get("id"));
    }

    @Test
    void shouldStopUsingTheCallersRecordingsForTrainingAtTheProcessorOnAnObjection() {
        String email = uniqueEmail("objecting.caller");
        record(email, 3);
        int othersInTraining = jdbc.sql("SELECT COUNT(*) FROM sor.call_recording WHERE training_use = TRUE")
                .query(Integer.class).single() - 3;

        String reference = submitAndVerify(email, """
                {"type": "OBJECTION", "jurisdiction": "EU", "email": "%s", "fullName": "Caller",
                 "details": "Do not use my calls to train your staff."}
                """.formatted(email));
        // An objection to processing other than direct marketing: a compliance officer weighs it (ObjectionProcess).
        assertThat(completeAs("officer2", officerTaskId(reference, "UserTask_WeighObjection"),
                "{\"objectionDecision\": {\"value\": \"STOP_PROCESSING\"}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(jdbc.sql("SELECT training_use FROM sor.call_recording WHERE caller_email = :email")
                .param("email", email).query(Boolean.class).list()).containsExactly(false, false, false);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sor.call_recording WHERE training_use = TRUE")
                .query(Integer.class).single()).isEqualTo(othersInTraining);
        approve(reference);
        assertThat(awaitMail(email, reference + ": your request is complete").text())
                .contains("Updated: Call recordings: training_use updated on 3 records");
    }

    @Test
    void shouldCorrectTheCallersNumberAtTheProcessorOnlyInTheRecordingsTheVerifiedIdentifiersFind() {
        String email = uniqueEmail("correcting.caller");
        record(email, 2);
        String newNumber = "+44 20 7946 " + ThreadLocalRandom.current().nextInt(1000, 9999);
        String otherCaller = uniqueEmail("other.caller");
        long othersRecording = ThreadLocalRandom.current().nextLong(4_000_000_000L, 5_000_000_000L);
        jdbc.sql("""
                INSERT INTO sor.call_recording (id, caller_phone, caller_email, agent_name, duration_sec,
                    recording_ref, recorded_at)
                VALUES (:id, :phone, :email, 'Agent', 60, 'rec-other', CURRENT_TIMESTAMP)
                """).param("id", othersRecording).param("phone", newNumber).param("email", otherCaller).update();

        // The typed number is the corrected value, never an identifier: it must not reach the other caller's call.
        String reference = submitAndVerify(email, """
                {"type": "RECTIFICATION", "jurisdiction": "EU", "email": "%s", "fullName": "Caller",
                 "details": "My number changed.", "dataPoints": {"phone": "%s"}}
                """.formatted(email, newNumber));
        ResponseEntity<List> corrections = http.withBasicAuth("officer", "officer")
                .getForEntity("/api/officer/requests/" + reference + "/corrections", List.class);
        assertThat(corrections.getBody()).singleElement().isEqualTo(Map.of("sourceName", "call-recordings",
                "fieldName", "phone", "currentValue", "+44 20 7946 0000", "requestedValue", newNumber,
                "applied", false));
        assertThat(completeAs("officer", officerTaskId(reference, "UserTask_ReviewCorrections"), """
                {"correctionsDecision": {"value": "APPLY"}}""").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(jdbc.sql("SELECT caller_phone FROM sor.call_recording WHERE caller_email = :email")
                .param("email", email).query(String.class).list()).containsExactly(newNumber, newNumber);
        assertThat(jdbc.sql("SELECT caller_email FROM sor.call_recording WHERE id = :id").param("id", othersRecording)
                .query(String.class).single()).isEqualTo(otherCaller);
        assertThat(completeAs("officer2", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(awaitMail(email, reference + ": your request is complete").text())
                .contains("Corrected: Call recordings, phone (2 records)");
    }

    @Test
    void shouldAnswerOnlyRequestsThatCarryTheConfiguredToken() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + processor.port() + "/recordings")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEmpty();
    }

    private List<Long> record(String email, int count) {
        long base = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
        List<Instant> ages = List.of(Instant.now().minus(2, ChronoUnit.DAYS), Instant.now().minus(40, ChronoUnit.DAYS),
                Instant.now().minus(200, ChronoUnit.DAYS));
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    INSERT INTO sor.call_recording (id, caller_phone, caller_email, agent_name, duration_sec,
                        recording_ref, recorded_at)
                    VALUES (:id, '+44 20 7946 0000', :email, 'Agent', 120, :ref, :at)
                    """).param("id", base + i).param("email", email).param("ref", "rec-" + (base + i))
                    .param("at", Timestamp.from(ages.get(i % ages.size()))).update();
        }
        return List.of(base, base + 1, base + 2).subList(0, count);
    }

    private String erasure(String email) {
        return """
                {"type": "ERASURE", "jurisdiction": "EU", "email": "%s", "fullName": "Caller"}
                """.formatted(email);
    }

    private void approve(String reference) {
        String task = officerTask(reference, "officer");
        assertThat(completeAs("officer", task, "{\"reviewDecision\": {\"value\": \"APPROVE\"}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
    }

    @SuppressWarnings("unchecked")
    private String officerTask(String reference, String user) {
        ResponseEntity<List> tasks = http.withBasicAuth(user, user)
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + reference, List.class);
        assertThat(tasks.getBody()).as("tasks of %s for %s", reference, user).hasSize(1);
        return (String) ((Map<String, Object>) tasks.getBody().get(0)).get("id");
    }

    private ResponseEntity<Map> placeHold(String email) {
        return http.withBasicAuth("legal", "legal").exchange("/api/legal-holds", HttpMethod.POST, json("""
                {"matterReference": "M-2026-077", "scope": "SUBJECT", "subject": {"type": "EMAIL", "value": "%s"},
                 "sourceName": "call-recordings", "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS",
                 "note": "A complaint about a call", "reviewAt": "%s"}
                """.formatted(email, LocalDate.now().plusMonths(6))), Map.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private Map<String, Object> evidence(String reference) {
        return jdbc.sql("""
                SELECT e.table_name, e.action, e.rows_erased, e.rows_kept, e.kept_reason, e.legal_hold_id
                FROM erasure_evidence e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference AND e.source_name = 'call-recordings'
                """).param("reference", reference).query().singleRow();
    }

    private int recordingsOf(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM sor.call_recording WHERE caller_email = :email").param("email", email)
                .query(Integer.class).single();
    }

    private int othersThan(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM sor.call_recording WHERE caller_email IS NULL OR caller_email <> :email")
                .param("email", email).query(Integer.class).single();
    }
}
