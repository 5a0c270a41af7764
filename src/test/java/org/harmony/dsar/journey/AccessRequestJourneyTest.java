package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
 * An access request from intake to download, the way a requester and a compliance officer go through it:
 * over HTTP, with the code read from the mail, the review completed through the REST API as {@code officer}.
 */
class AccessRequestJourneyTest extends JourneyTestSupport {

    /** A demo subject with records in every source of the demo system of record. */
    private static final String SUBJECT = "ada.lovelace@example.org";

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private com.zaxxer.hikari.HikariDataSource pool;

    @Test
    void shouldAnswerAnAccessRequestEndToEnd() throws IOException {
        ResponseEntity<Map> accepted = submit("""
                {"type": "ACCESS", "jurisdiction": "UK", "email": "%s", "fullName": "Ada <script>alert(1)</script> Lovelace"}
                """.formatted(SUBJECT));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String reference = (String) accepted.getBody().get("reference");
        assertThat(reference).matches("DSAR-[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(accepted.getBody()).containsEntry("status", "RECEIVED").containsKey("dueDate");

        runDueJobs();
        ReceivedMail acknowledgement = awaitMail(SUBJECT, reference + ": we have received your request");
        assertThat(acknowledgement.text()).contains(reference).contains("We will respond by");
        assertThat(acknowledgement.html())
                .as("requester input is escaped in the HTML mail")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");

        ReceivedMail verification = awaitMail(SUBJECT, reference + ": confirm your email address");
        String code = codeIn(verification);
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        assertThat(postJson(verifyPath(reference), "{\"code\": \"" + wrongCode + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<Map> verified = postJson(verifyPath(reference), "{\"code\": \"" + code + "\"}");
        assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verified.getBody()).containsEntry("status", "VERIFIED");

        runDueJobs();
        String statusLink = relative(linkIn(acknowledgement, "/status"));
        ResponseEntity<Map> status = http.getForEntity(statusLink, Map.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status.getBody()).containsEntry("stage", "IN_REVIEW").containsEntry("reference", reference);

        // The review task: visible to compliance officers only, completed through the REST API.
        List<Map<String, Object>> legalTasks = tasksFor("legal", "legal", reference);
        assertThat(legalTasks).isEmpty();
        List<Map<String, Object>> officerTasks = tasksFor("officer", "officer", reference);
        assertThat(officerTasks).hasSize(1);
        Map<String, Object> task = officerTasks.get(0);
        assertThat(task).containsEntry("taskDefinitionKey", "UserTask_ReviewResponse").containsKey("due");
        String taskId = (String) task.get("id");

        ResponseEntity<String> form = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("ReviewResponseForm").contains("reviewDecision");
        ResponseEntity<Map> variables = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables", Map.class);
        assertThat(variables.getBody().toString()).contains("Orders and payments: 3 records")
                .doesNotContain(SUBJECT);

        ResponseEntity<String> wrongGroup = complete("legal", "legal", taskId, "APPROVE");
        assertThat(wrongGroup.getStatusCode()).as(wrongGroup.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> invalid = complete("officer", "officer", taskId, "MAYBE");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid.getBody()).contains("reviewDecision").contains("APPROVE, SEND_BACK");
        assertThat(complete("officer", "officer", taskId, "APPROVE").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        runDueJobs();
        ReceivedMail response = awaitMail(SUBJECT, reference + ": your personal data is ready");
        String packageLink = relative(linkIn(response, "/package"));
        ResponseEntity<byte[]> download = http.getForEntity(packageLink, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/zip"));
        Map<String, String> files = unzip(download.getBody());
        assertThat(files).containsKeys("report.html", "manifest.json", "data/orders.json", "data/orders.csv",
                "data/newsletter.json", "data/web-enquiries.json", "data/customer-accounts.json");
        assertThat(files.get("data/orders.json")).contains("O-2026-0388").contains("\"card_last_four\" : \"0005\"");
        assertThat(files.get("data/customer-accounts.json")).contains("C-100001").doesNotContain("password");
        assertThat(files.get("report.html"))
                .contains("Orders and payments").contains("Contract, GDPR Art 6(1)(b)")
                .contains("supervisory authority")
                .doesNotContain("<script>alert");

        // A wrong token opens nothing; the right token opens only its own request.
        String wrongToken = packageLink.replaceAll("token=[^&]+", "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        ResponseEntity<String> refused = http.getForEntity(wrongToken, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody()).doesNotContain("PK\u0003\u0004"); // a zip's first bytes; a reference may hold "PK"
        String otherReference = packageLink.replace(reference, "DSAR-00000-00000");
        assertThat(http.getForEntity(otherReference, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey("DsarProcess").singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_ResponseSent");
        assertThat(http.getForEntity(statusLink, Map.class).getBody()).containsEntry("stage", "COMPLETED");
        List<ReceivedMail> mails = mailsTo(SUBJECT).stream().filter(m -> m.subject().startsWith(reference)).toList();
        assertThat(mails).as("acknowledgement, code and response, each once").hasSize(3);
        assertThat(mails).extracting(ReceivedMail::messageId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("<[0-9a-f]{40}@harmony\\.example>"));

        List<String> events = jdbc.sql("""
                SELECT e.event_type FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference ORDER BY e.occurred_at
                """).param("reference", reference).query(String.class).list();
        assertThat(events).contains("RECEIVED", "EMAIL_VERIFIED", "LEGAL_HOLD_CHECKED", "DATA_LOOKED_UP",
                "PACKAGE_BUILT", "STAGE_COMPLETED");
        assertThat(runtimeVariablesContainNoPersonalData(instance.getId())).isTrue();
    }

    @Test
    void shouldReturnEveryDatabaseConnectionWhenLinksAndReviewsAreUsedOutsideJobs() {
        ResponseEntity<Map> accepted = submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Pool Test"}
                """.formatted(uniqueEmail("pool")));
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        String email = mailsTo("pool.").stream().filter(m -> m.subject().startsWith(reference)).findFirst()
                .map(m -> m.to()).orElseThrow();
        String statusLink = relative(linkIn(awaitMail(email, reference + ": we have received"), "/status"));

        int before = activeConnectionsOnceSettled();
        for (int i = 0; i < 40; i++) {
            assertThat(http.getForEntity(statusLink, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(activeConnectionsOnceSettled()).as("connections still held after 40 status calls")
                .isLessThanOrEqualTo(before);
    }

    /**
     * Active connections once short background work (gauges, health checks) is done. Counted before and after the
     * calls, so that what earlier journeys in this JVM still hold is not taken for a leak of the calls.
     */
    private int activeConnectionsOnceSettled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int active = pool.getHikariPoolMXBean().getActiveConnections();
        while (active > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            active = pool.getHikariPoolMXBean().getActiveConnections();
        }
        return active;
    }

    @Test
    void shouldRefuseAnonymousCallsToTheEngineRestApi() {
        ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/task", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // Another user than below: after a wrong password, Camunda delays that user's next login.
        ResponseEntity<String> wrongPassword = http.withBasicAuth("dpo", "wrong")
                .getForEntity("/engine-rest/process-instance", String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> officer = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task", String.class);
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldOfferTasklistFiltersSortedByDueDate() {
        ResponseEntity<List> filters = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/filter?resourceType=Task", List.class);
        assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(filters.getBody().toString())
                .contains("My group's DSAR tasks").contains("Due this week").contains("Overdue");
    }

    private boolean runtimeVariablesContainNoPersonalData(String processInstanceId) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list().stream()
                .noneMatch(v -> String.valueOf(v.getValue()).contains(SUBJECT)
                        || String.valueOf(v.getValue()).contains("Lovelace"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasksFor(String user, String password, String reference) {
        ResponseEntity<List> tasks = http.withBasicAuth(user, password)
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + reference, List.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        return tasks.getBody();
    }

    private ResponseEntity<String> complete(String user, String password, String taskId, String decision) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"variables\": {\"reviewDecision\": {\"value\": \"" + decision + "\"},"
                + " \"reviewComment\": {\"value\": \"Checked all four sources.\"}}}";
        return http.withBasicAuth(user, password).exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String verifyPath(String reference) {
        return "/api/requests/" + reference + "/verification";
    }
}
