package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.harmony.dsar.fulfilment.PackageCleanup;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.harmony.dsar.response.RequesterNotifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Deadlines on the real engine, PostgreSQL and SMTP: a request whose mails meet an SMTP outage twice and still
 * arrive exactly once each, a deadline extension asked for through the REST API, the package deleted after its
 * download period; and a deadline breach escalated to the DPO.
 */
class DeadlineJourneyTest extends JourneyTestSupport {

    private static final String SUBJECT = "grace.hopper@example.com";

    @Autowired
    private JavaMailSenderImpl mailSender;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PackageCleanup packages;
    @Autowired
    private RequesterNotifications notifications;

    private int workingSmtpPort;

    @AfterEach
    void restoreSmtp() {
        if (workingSmtpPort != 0) {
            mailSender.setPort(workingSmtpPort);
        }
    }

    @Test
    void shouldDeliverEveryMailExactlyOnceThroughSmtpOutagesAndExtendTheDeadline() throws IOException {
        smtpDown();
        String reference = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "UK", "email": "%s", "fullName": "Grace Hopper", "language": "de"}
                """.formatted(SUBJECT)).getBody().get("reference");
        String requestId = requestId(reference);

        // SMTP is down: the acknowledgement job fails, keeps its place and waits for its next retry.
        Job acknowledgement = jobAt(reference, "ServiceTask_SendAcknowledgement");
        assertThat(tryToRun(acknowledgement)).isFalse();
        Job failed = management.createJobQuery().jobId(acknowledgement.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(failed.getExceptionMessage()).containsIgnoringCase("mail");
        assertThat(failed.getDuedate()).as("retried a minute later").isAfter(java.util.Date.from(Instant.now()));
        assertThat(mailsAbout(reference)).isEmpty();

        smtpUp();
        management.executeJob(acknowledgement.getId());
        runDueJobs();
        ReceivedMail received = awaitMail(SUBJECT, reference + ": Wir haben Ihre Anfrage erhalten");
        assertThat(received.text()).contains("Auskunft über Ihre personenbezogenen Daten").contains("spätestens");
        String code = codeIn(awaitMail(SUBJECT, reference + ": Bitte bestätigen Sie"));
        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        assertThat(taskDue(reference)).isNotNull();

        // A repeated mail step (a retried job, a restart) sends nothing new.
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("DsarProcess").singleResult().getId();
        assertThat(notifications.notify(requestId, "acknowledgement", instanceId + ":ServiceTask_SendAcknowledgement",
                Map.of())).isFalse();

        // A compliance officer asks for an extension from Tasklist (here: the same REST call Tasklist makes).
        LocalDate dueBefore = dueDate(reference);
        ResponseEntity<String> started = http.withBasicAuth("officer", "officer").exchange(
                "/engine-rest/process-definition/key/DeadlineExtensionProcess/submit-form", HttpMethod.POST,
                json("""
                        {"variables": {"requestReference": {"value": "%s"},
                          "extensionReason": {"value": "COMPLEXITY"},
                          "extensionExplanation": {"value": "Eleven of our systems hold records to check."}}}
                        """.formatted(reference)), String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        ReceivedMail extended = awaitMail(SUBJECT, reference + ": Wir brauchen mehr Zeit");
        LocalDate dueAfter = dueDate(reference);
        assertThat(dueAfter).isAfter(dueBefore.plusMonths(1).minusDays(1));
        assertThat(extended.text()).contains("Eleven of our systems").contains("Ihre Anfrage ist komplex");
        assertThat(taskDue(reference).toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate())
                .isEqualTo(dueAfter);

        // An unknown reference is refused at once, in the officer's own call, with a 400 and the reason.
        ResponseEntity<String> unknown = http.withBasicAuth("officer", "officer").exchange(
                "/engine-rest/process-definition/key/DeadlineExtensionProcess/submit-form", HttpMethod.POST,
                json("""
                        {"variables": {"requestReference": {"value": "DSAR-00000-00000"},
                          "extensionReason": {"value": "OTHER"}, "extensionExplanation": {"value": "More time."}}}
                        """), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("No open request with reference DSAR-00000-00000");

        // A second extension is refused: once only.
        assertThat(http.withBasicAuth("officer", "officer").exchange(
                "/engine-rest/process-definition/key/DeadlineExtensionProcess/submit-form", HttpMethod.POST,
                json("""
                        {"variables": {"requestReference": {"value": "%s"}, "extensionReason": {"value": "OTHER"},
                          "extensionExplanation": {"value": "More time."}}}
                        """.formatted(reference)), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dueDate(reference)).isEqualTo(dueAfter);

        // The review is approved while SMTP is down again: the response waits and goes out once SMTP is back.
        String taskId = reviewTaskId(reference);
        smtpDown();
        assertThat(http.withBasicAuth("officer", "officer").exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, json("{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Job response = jobAt(reference, "ServiceTask_SendResponse");
        assertThat(tryToRun(response)).isFalse();
        assertThat(tryToRun(response)).isFalse();
        smtpUp();
        management.executeJob(response.getId());
        runDueJobs();
        ReceivedMail answer = awaitMail(SUBJECT, reference + ": Ihre personenbezogenen Daten stehen bereit");

        List<String> subjects = mailsAbout(reference).stream().map(ReceivedMail::subject).toList();
        assertThat(subjects).as("each mail exactly once").doesNotHaveDuplicates().hasSize(4);
        assertThat(events(requestId)).contains("DEADLINE_EXTENDED", "EXTENSION_REFUSED", "REVIEW_APPROVE");

        // After the download period the package is deleted; the link answers 410.
        String packageLink = relative(linkIn(answer, "/package"));
        assertThat(http.getForEntity(packageLink, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        jdbc.sql("UPDATE access_package SET expires_at = :past WHERE request_id = :id")
                .param("past", java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
                .param("id", requestId).update();
        assertThat(packages.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(http.getForEntity(packageLink, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(events(requestId)).contains("PACKAGE_DELETED");
    }

    @Test
    void shouldRecordABreachAndGiveTheDpoAnEscalationTask() {
        String reference = (String) submit("""
                {"type": "ERASURE", "jurisdiction": "US-CA", "email": "%s", "fullName": "Luis Garcia"}
                """.formatted(uniqueEmail("luis"))).getBody().get("reference");
        runDueJobs();

        Job breach = management.createJobQuery().processInstanceId(instanceOf(reference)).timers()
                .activityId("StartEvent_DeadlineReached").singleResult();
        assertThat(breach.getDuedate()).isAfter(new java.util.Date());
        management.executeJob(breach.getId());
        runDueJobs();

        ReceivedMail notice = awaitMail("dpo@harmony.example", "Deadline breached: " + reference);
        assertThat(notice.text()).contains("CCPA/CPRA").contains("VERIFYING_IDENTITY").doesNotContain("Luis");
        List<Map<String, Object>> dpoTasks = http.withBasicAuth("dpo", "dpo")
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + reference, List.class).getBody();
        assertThat(dpoTasks).extracting(task -> task.get("taskDefinitionKey"))
                .containsExactly("UserTask_HandleDeadlineBreach");
        assertThat(dpoTasks.get(0).get("due")).isNotNull();
        assertThat(events(requestId(reference))).contains("DEADLINE_BREACHED");
    }

    private void smtpDown() throws IOException {
        if (workingSmtpPort == 0) {
            workingSmtpPort = mailSender.getPort();
        }
        try (ServerSocket unused = new ServerSocket(0)) {
            mailSender.setPort(unused.getLocalPort());
        }
    }

    private void smtpUp() {
        mailSender.setPort(workingSmtpPort);
    }

    /** Runs the job once; false when it failed (and so waits for its retry). */
    private boolean tryToRun(Job job) {
        try {
            management.executeJob(job.getId());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Job jobAt(String reference, String activityId) {
        return management.createJobQuery().processInstanceId(instanceOf(reference)).activityId(activityId)
                .singleResult();
    }

    private String instanceOf(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("DsarProcess").singleResult().getId();
    }

    private String requestId(String reference) {
        return jdbc.sql("SELECT id FROM dsar_request WHERE reference = :reference").param("reference", reference)
                .query(String.class).single();
    }

    private LocalDate dueDate(String reference) {
        return jdbc.sql("SELECT due_at FROM dsar_request WHERE reference = :reference").param("reference", reference)
                .query(java.sql.Timestamp.class).single().toInstant().atZone(java.time.ZoneId.of("Europe/London"))
                .toLocalDate();
    }

    private java.util.Date taskDue(String reference) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("UserTask_ReviewResponse").singleResult().getDueDate();
    }

    private String reviewTaskId(String reference) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("UserTask_ReviewResponse").singleResult().getId();
    }

    private List<String> events(String requestId) {
        return jdbc.sql("SELECT event_type FROM request_event WHERE request_id = :id ORDER BY occurred_at")
                .param("id", requestId).query(String.class).list();
    }

    private static List<ReceivedMail> mailsAbout(String reference) {
        return mailsTo(SUBJECT).stream().filter(mail -> mail.subject().startsWith(reference)).toList();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
