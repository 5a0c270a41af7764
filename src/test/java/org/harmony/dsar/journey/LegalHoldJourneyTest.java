package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
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
 * Legal holds end to end on PostgreSQL: a hold on the subject sends an erasure to legal review; a second hold,
 * placed through the API while the request waits there, is caught by the check the erasure makes right before it
 * acts; exactly the held records stay, and the evidence, the reviewer and the response mail say what was kept and
 * why. Also the registry API's answers to the wrong callers and calls.
 */
class LegalHoldJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldKeepExactlyTheHeldRecordsWhenAHoldArrivesWhileTheErasureWaitsInLegalReview() {
        String email = uniqueEmail("held.subject");
        long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        Instant recent = Instant.now().minus(30, ChronoUnit.DAYS);
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
                    INSERT INTO sor.web_enquiry (id, email, full_name, message, submitted_at)
                    VALUES (:id, :email, 'Held Subject', 'About the disputed invoice', :at)
                    """).param("id", base + i).param("email", email).param("at", Timestamp.from(recent)).update();
            jdbc.sql("""
                    INSERT INTO sor.support_ticket (id, ticket_no, email, full_name, subject, body, status, opened_at)
                    VALUES (:id, :no, :email, 'Held Subject', 'Refund', 'Please refund me', 'CLOSED', :at)
                    """).param("id", base + i).param("no", "T-" + (base + i)).param("email", email)
                    .param("at", Timestamp.from(recent)).update();
        }
        jdbc.sql("""
                INSERT INTO sor.newsletter_subscription (id, email, list_name, consent_source, subscribed_at)
                VALUES (:id, :email, 'Product news', 'web form', :at)
                """).param("id", base).param("email", email).param("at", Timestamp.from(recent)).update();
        jdbc.sql("""
                INSERT INTO sor.analytics_cookie (id, email, cookie_id, provider, consent_given, first_seen_at,
                    last_seen_at) VALUES (:id, :email, 'c-held', 'Google Analytics', TRUE, :at, :at)
                """).param("id", base).param("email", email).param("at", Timestamp.from(recent)).update();
        Map<String, Object> ticketsBefore = rows("support_ticket", email);
        Map<String, Object> enquiriesBefore = rows("web_enquiry", email);

        // Legal counsel holds the subject's support tickets for a dispute, before any request.
        ResponseEntity<Map> ticketsHold = placeHold(email, "support-tickets", "M-2026-041");
        assertThat(ticketsHold.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticketsHoldId = (String) ticketsHold.getBody().get("id");
        assertThat(ticketsHold.getBody().toString()).doesNotContain(email);

        String reference = submitAndVerifyErasure(email);

        // The check found a hold on the subject: the erasure waits for legal review, nothing is erased yet.
        Map<String, Object> legalTask = singleTask(reference, "legal");
        assertThat(legalTask.get("taskDefinitionKey")).isEqualTo("UserTask_LegalReview");
        String summary = formVariables("legal", (String) legalTask.get("id")).toString();
        assertThat(summary).contains("M-2026-041").contains(ticketsHoldId).contains("Keep all: Support tickets")
                .contains("May act: Web enquiries").doesNotContain(email);
        assertThat(rows("newsletter_subscription", email)).hasSize(1);

        // While it waits, a second hold arrives through the API: the subject's web enquiries.
        ResponseEntity<Map> enquiriesHold = placeHold(email, "web-enquiries", "M-2026-042");
        String enquiriesHoldId = (String) enquiriesHold.getBody().get("id");

        completeTask("legal", (String) legalTask.get("id"),
                "{\"variables\": {\"legalReviewDecision\": {\"value\": \"CONFIRM_PARTIAL\"}}}");
        runDueJobs();

        // Exactly the held records stay; the rest of the subject's data is erased.
        assertThat(rows("support_ticket", email)).isEqualTo(ticketsBefore);
        assertThat(rows("web_enquiry", email)).isEqualTo(enquiriesBefore);
        assertThat(rows("newsletter_subscription", email)).isEmpty();
        assertThat(rows("analytics_cookie", email)).isEmpty();

        // The evidence names the ground and the hold; the first check had not seen the second hold.
        Map<String, Map<String, Object>> evidence = new HashMap<>();
        jdbc.sql("""
                SELECT e.source_name, e.rows_erased, e.rows_kept, e.kept_reason, e.legal_hold_id
                FROM erasure_evidence e JOIN dsar_request r ON r.id = e.request_id WHERE r.reference = :reference
                """).param("reference", reference).query().listOfRows()
                .forEach(row -> evidence.put((String) row.get("source_name"), row));
        assertThat(evidence.get("web-enquiries")).containsEntry("rows_erased", 0).containsEntry("rows_kept", 2)
                .containsEntry("kept_reason", "GDPR-17-3-E-LEGAL-CLAIMS").containsEntry("legal_hold_id", enquiriesHoldId);
        assertThat(evidence.get("support-tickets")).containsEntry("rows_erased", 0).containsEntry("rows_kept", 2)
                .containsEntry("legal_hold_id", ticketsHoldId);
        assertThat(evidence.get("newsletter")).containsEntry("rows_erased", 1).containsEntry("rows_kept", 0);
        assertThat(evidence.get("analytics-cookies")).containsEntry("rows_erased", 1);
        assertThat(jdbc.sql("""
                SELECT i.decision FROM legal_hold_check_item i JOIN legal_hold_check c ON c.id = i.check_id
                JOIN dsar_request r ON r.id = c.request_id
                WHERE r.reference = :reference AND i.source_name = 'web-enquiries'
                """).param("reference", reference).query(String.class).list()).containsExactly("ACT");
        assertThat(events(reference)).contains("LEGAL_HOLD_CHECKED", "LEGAL_REVIEW_COMPLETED", "DATA_ERASED");

        // The response reviewer sees what was kept and why; the requester is told, with the ground and the rights.
        Map<String, Object> review = singleTask(reference, "officer");
        String caseFile = formVariables("officer", (String) review.get("id")).toString();
        assertThat(caseFile).contains("Web enquiries (sor.web_enquiry): kept 2, erased 0 - GDPR-17-3-E-LEGAL-CLAIMS")
                .contains("legal hold " + enquiriesHoldId).doesNotContain(email);
        completeTask("officer", (String) review.get("id"), "{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}");
        runDueJobs();
        ReceivedMail response = awaitMail(email, reference + ": your request is complete");
        assertThat(response.text()).contains("Erased: Newsletter subscriptions, 1 record")
                .contains("What we kept, and why:")
                .contains("Kept: Web enquiries, 2 records: needed for the establishment, exercise or defence of legal"
                        + " claims (GDPR Art 17(3)(e)) (legal hold)")
                .contains("Kept: Support tickets, 2 records")
                .contains("complain to a data protection supervisory authority")
                .doesNotContain("M-2026-04");
    }

    @Test
    void shouldDenyTheErasureWithTheReasonAndRightsWhenLegalCounselDenies() {
        String email = uniqueEmail("denied.subject");
        placeHold(email, null, "M-2026-050");
        String reference = submitAndVerifyErasure(email);

        Map<String, Object> legalTask = singleTask(reference, "legal");
        ResponseEntity<Map> refused = completeTask("legal", (String) legalTask.get("id"),
                "{\"variables\": {\"legalReviewDecision\": {\"value\": \"DENY\"}}}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("reason code");

        completeTask("legal", (String) legalTask.get("id"), "{\"variables\": {\"legalReviewDecision\": {\"value\":"
                + " \"DENY\"}, \"legalDenialReason\": {\"value\": \"LEGAL_HOLD\"}}}");
        runDueJobs();

        awaitMail(email, reference + ": we cannot grant your request");
        assertThat(mailsTo(email)).anyMatch(mail -> mail.text().contains("the data is subject to a legal hold")
                && mail.text().contains("complain to a data protection supervisory authority"));
        assertThat(jdbc.sql("SELECT stage FROM dsar_request WHERE reference = :reference").param("reference", reference)
                .query(String.class).single()).isEqualTo("DENIED");
    }

    @Test
    void shouldReleaseAHoldFromTheLegalReviewAndEraseEverything() {
        String email = uniqueEmail("released.subject");
        String holdId = (String) placeHold(email, null, "M-2026-060").getBody().get("id");
        String reference = submitAndVerifyErasure(email);

        Map<String, Object> legalTask = singleTask(reference, "legal");
        completeTask("legal", (String) legalTask.get("id"), "{\"variables\": {\"legalReviewDecision\": {\"value\":"
                + " \"RELEASE_HOLD\"}, \"holdToRelease\": {\"value\": \"" + holdId + "\"}, \"releaseNote\":"
                + " {\"value\": \"Matter settled\"}}}");
        runDueJobs();

        Map<String, Object> hold = legalGet("/api/legal-holds/" + holdId).getBody();
        assertThat(hold).containsEntry("active", false).containsEntry("releasedBy", "legal");
        assertThat(hold.get("events").toString()).contains("PLACED").contains("RELEASED").contains(reference);
        assertThat(singleTask(reference, "officer").get("taskDefinitionKey")).isEqualTo("UserTask_ReviewResponse");
    }

    @Test
    void shouldAnswerTheRegistryApiWithProblemsForTheWrongCallersAndCalls() {
        assertThat(http.getForEntity("/api/legal-holds", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> officer = http.withBasicAuth("officer", "officer").getForEntity("/api/legal-holds", Map.class);
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(officer.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> anonymous = http.exchange("/api/legal-holds", HttpMethod.POST,
                new HttpEntity<>("{\"scope\": \"nonsense\"}", json), String.class);
        assertThat(anonymous.getStatusCode()).as("authenticated before the body is read")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> missing = legalPost("/api/legal-holds", "{\"scope\": \"SUBJECT\"}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("matterReference").contains("reasonCode").contains("reviewAt");
        ResponseEntity<Map> unknownScope = legalPost("/api/legal-holds", "{\"scope\": \"EVERYTHING\"}");
        assertThat(unknownScope.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map> invalid = legalPost("/api/legal-holds", """
                {"matterReference": "M-1", "scope": "SOURCE", "sourceName": "no-such-source",
                 "reasonCode": "BECAUSE", "reviewAt": "%s"}
                """.formatted(LocalDate.now().plusMonths(6)));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(invalid.getBody().toString()).contains("sourceName").contains("reasonCode");
        ResponseEntity<Map> noSubject = legalPost("/api/legal-holds", """
                {"matterReference": "M-1", "scope": "SUBJECT", "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS",
                 "reviewAt": "%s"}
                """.formatted(LocalDate.now().plusMonths(6)));
        assertThat(noSubject.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(legalGet("/api/legal-holds/no-such-hold").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String email = uniqueEmail("api.subject");
        String id = (String) placeHold(email, null, "M-2026-070").getBody().get("id");
        ResponseEntity<Map> reviewed = legalPost("/api/legal-holds/" + id + "/review",
                "{\"reviewAt\": \"" + LocalDate.now().plusYears(1) + "\", \"note\": \"Claim still pending\"}");
        assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(legalGetList("/api/legal-holds").toString()).contains(id);
        assertThat(legalPost("/api/legal-holds/" + id + "/release", "{\"note\": \"Claim withdrawn\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> twice = legalPost("/api/legal-holds/" + id + "/release", "{\"note\": \"Again\"}");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        Map<String, Object> hold = legalGet("/api/legal-holds/" + id).getBody();
        assertThat(hold).containsEntry("active", false).containsEntry("subjectKeyType", "EMAIL");
        assertThat(hold.toString()).doesNotContain(email);
        List<Object> actions = ((List<?>) hold.get("events")).stream().map(e -> (Object) ((Map<?, ?>) e).get("action"))
                .toList();
        assertThat(actions).containsExactly("PLACED", "REVIEWED", "RELEASED");
        assertThat(legalGetList("/api/legal-holds").toString()).doesNotContain(id);
        assertThat(legalGetList("/api/legal-holds?status=all").toString()).contains(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_hold WHERE id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    private String submitAndVerifyErasure(String email) {
        return submitAndVerify(email, """
                {"type": "ERASURE", "jurisdiction": "EU", "email": "%s", "fullName": "Held Subject"}
                """.formatted(email));
    }

    private ResponseEntity<Map> placeHold(String email, String sourceName, String matter) {
        return legalPost("/api/legal-holds", """
                {"matterReference": "%s", "scope": "SUBJECT", "subject": {"type": "EMAIL", "value": "%s"},
                 %s "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS", "note": "Dispute about an invoice",
                 "reviewAt": "%s"}
                """.formatted(matter, email, sourceName == null ? "" : "\"sourceName\": \"" + sourceName + "\",",
                LocalDate.now().plusMonths(6)));
    }

    private ResponseEntity<Map> legalPost(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("legal", "legal").exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers),
                Map.class);
    }

    private ResponseEntity<Map> legalGet(String path) {
        return http.withBasicAuth("legal", "legal").getForEntity(path, Map.class);
    }

    private List<?> legalGetList(String path) {
        return http.withBasicAuth("legal", "legal").getForEntity(path, List.class).getBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> singleTask(String reference, String user) {
        ResponseEntity<List> tasks = http.withBasicAuth(user, user)
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + reference, List.class);
        assertThat(tasks.getBody()).as("tasks of %s for %s", reference, user).hasSize(1);
        return (Map<String, Object>) tasks.getBody().get(0);
    }

    private Map<?, ?> formVariables(String user, String taskId) {
        return http.withBasicAuth(user, user).getForEntity("/engine-rest/task/" + taskId + "/form-variables", Map.class)
                .getBody();
    }

    private ResponseEntity<Map> completeTask(String user, String taskId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> answer = http.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId
                + "/complete", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
        return answer;
    }

    private Map<String, Object> rows(String table, String email) {
        Map<String, Object> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM sor." + table + " WHERE email = :email").param("email", email).query().listOfRows()
                .forEach(row -> rows.put(String.valueOf(row.get("id")), row));
        return rows;
    }

    private List<String> events(String reference) {
        return jdbc.sql("""
                SELECT e.event_type FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference ORDER BY e.occurred_at
                """).param("reference", reference).query(String.class).list();
    }
}
