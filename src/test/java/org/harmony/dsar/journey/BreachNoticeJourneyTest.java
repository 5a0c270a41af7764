package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
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
 * A personal data breach on the real engine, PostgreSQL and SMTP: the DPO records it over the API, the affected
 * people are found in the demo catalogue (plus a few named ones), the SMTP connection breaks in the middle of a
 * batch and stays down, a node "crashes" holding claims; every affected person still gets exactly one notice.
 */
class BreachNoticeJourneyTest extends JourneyTestSupport {

    private static final int EXPLICIT = 80;
    private static final int MAILS_BEFORE_OUTAGE = 150;

    @Autowired
    private JavaMailSenderImpl mailSender;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TaskService tasks;

    private SmtpOutageProxy proxy;

    @AfterEach
    void restoreSmtp() throws IOException {
        mailSender.setPort(TestInfrastructure.smtpPort());
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void shouldNotifyEveryAffectedPersonExactlyOnceThroughAnSmtpOutageAndACrashedSender() {
        proxy = new SmtpOutageProxy(TestInfrastructure.smtpPort(), MAILS_BEFORE_OUTAGE);
        mailSender.setPort(proxy.port());

        ResponseEntity<Map> created = record(breach("\"categories\": [\"contact details\"]", explicitSubjects()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/breaches/" + reference);
        assertThat(created.getBody().get("noticeDueReason")).asString().startsWith("company promise");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        String breachId = jdbc.sql("SELECT id FROM breach WHERE reference = :r").param("r", reference)
                .query(String.class).single();

        Job find = management.createJobQuery().processInstanceId(instance).activityId("ServiceTask_FindAffectedPeople")
                .singleResult();
        management.executeJob(find.getId());
        long recipients = count(breachId, null);
        assertThat(recipients).as("a few hundred people, each address once").isGreaterThan(250);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM breach_recipient WHERE breach_id = :b AND email = 'ada.lovelace@example.org'")
                .param("b", breachId).query(Long.class).single()).isEqualTo(1);

        // A node took 10 recipients and stopped before sending: their claim is older than the lease.
        jdbc.sql("""
                UPDATE breach_recipient SET status = 'CLAIMED', claimed_by = 'crashed-node', claimed_at = :at
                WHERE id IN (SELECT id FROM breach_recipient WHERE breach_id = :b ORDER BY id DESC FETCH FIRST 10 ROWS ONLY)
                """).param("at", java.sql.Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)))
                .param("b", breachId).update();

        // The SMTP connection breaks after 150 mails, in the middle of a batch, and stays down.
        List<String> failedJobs = runJobsOf(instance);
        assertThat(proxy.isDown()).isTrue();
        assertThat(failedJobs).as("every sender failed and waits for its retry").hasSize(4);
        assertThat(count(breachId, "SENT")).isEqualTo(MAILS_BEFORE_OUTAGE);
        assertThat(count(breachId, "FAILED")).isZero();
        Job failed = management.createJobQuery().jobId(failedJobs.get(0)).singleResult();
        assertThat(failed.getRetries()).isEqualTo(11);
        assertThat(failed.getExceptionMessage()).contains("SMTP");
        Map<String, Object> progress = progress(reference);
        assertThat(progress).containsEntry("sent", MAILS_BEFORE_OUTAGE).containsEntry("recipients", (int) recipients)
                .containsEntry("pending", (int) recipients - MAILS_BEFORE_OUTAGE);

        // SMTP is back; the retries (run now rather than in 5 minutes) send the rest.
        proxy.restore();
        failedJobs.forEach(management::executeJob);
        runJobsOf(instance);

        assertThat(count(breachId, "SENT")).isEqualTo(recipients);
        List<ReceivedMail> notices = noticesOf(reference);
        Map<String, Long> perAddress = notices.stream().collect(Collectors.groupingBy(ReceivedMail::to, Collectors.counting()));
        assertThat(perAddress).as("every recipient exactly one notice").hasSize((int) recipients)
                .allSatisfy((address, n) -> assertThat(n).as(address).isEqualTo(1L));
        assertThat(notices.stream().map(ReceivedMail::messageId).distinct()).hasSize((int) recipients);
        List<String> stored = jdbc.sql("SELECT email FROM breach_recipient WHERE breach_id = :b").param("b", breachId)
                .query(String.class).list();
        assertThat(perAddress.keySet()).containsExactlyInAnyOrderElementsOf(stored);

        ReceivedMail california = notices.stream().filter(m -> m.to().equals("luis.garcia@example.net")).findFirst()
                .orElseThrow();
        assertThat(california.subject()).startsWith("Notice of Data Breach");
        assertThat(california.text()).contains("WHAT HAPPENED", "WHAT INFORMATION WAS INVOLVED", "WHAT WE ARE DOING",
                "WHAT YOU CAN DO", "FOR MORE INFORMATION", "contact details");
        ReceivedMail ada = notices.stream().filter(m -> m.to().equals("ada.lovelace@example.org")).findFirst()
                .orElseThrow();
        assertThat(ada.text()).contains("WHAT HAPPENED", "A misconfigured backup", "Reset your password",
                "dpo@harmony.example");
        assertThat(notices.stream().filter(m -> m.to().startsWith("breach.named.1@")).findFirst().orElseThrow()
                .subject()).startsWith("Wichtig");

        // The authority notice, within 72 hours, closes the breach.
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()).isNotNull();
        Task authority = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("dpo").singleResult();
        assertThat(authority.getTaskDefinitionKey()).isEqualTo("UserTask_NotifyAuthority");
        tasks.complete(authority.getId(), Map.of("authorityName", "ICO", "authorityReference", "IC-2027-0042"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()).isNull();
        Map<String, Object> closed = get(reference).getBody();
        assertThat((Map<String, Object>) closed.get("notices")).containsEntry("inTime", true)
                .containsEntry("sent", (int) recipients);
        assertThat((Map<String, Object>) closed.get("authorityNotice")).containsEntry("authorityReference", "IC-2027-0042");
    }

    @Test
    void shouldRefuseBreachesFromOutsideTheDpoGroupAndBadOnes() {
        HttpHeaders officer = json();
        officer.setBasicAuth("officer", "officer");
        assertThat(http.exchange("/api/breaches", HttpMethod.POST, new HttpEntity<>(breach("\"sources\": [\"newsletter\"]", ""),
                officer), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/api/breaches", HttpMethod.POST, new HttpEntity<>(breach("\"sources\": [\"newsletter\"]", ""),
                json()), Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> unknown = record(breach("\"sources\": [\"no-such-system\"]", ""));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknown.getBody().get("detail")).asString().contains("no-such-system");

        ResponseEntity<Map> missing = record("{\"description\": \"x\", \"sources\": [\"newsletter\"]}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("detail")).asString().contains("consequences", "detectedAt");
    }

    private String breach(String scope, String extra) {
        return """
                {"description": "A misconfigured backup of our customer database was reachable from the internet for two days.",
                 "detectedAt": "%s", %s%s,
                 "consequences": "Someone may use your email address for phishing mails that look like ours.",
                 "measures": "We closed the access, changed all credentials and are checking every access log.",
                 "subjectActions": "Reset your password and be wary of mails asking for payment details.",
                 "contact": "dpo@harmony.example",
                 "jurisdictions": ["EU", "US-CA"]}
                """.formatted(Instant.now().minus(1, ChronoUnit.HOURS), scope, extra);
    }

    /** Named people beyond the catalogue, one of them in German, and Ada again in capitals (deduplicated). */
    private static String explicitSubjects() {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < EXPLICIT; i++) {
            subjects.add("{\"email\": \"breach.named." + i + "@example.org\"" + (i == 1 ? ", \"language\": \"de\"" : "") + "}");
        }
        subjects.add("{\"email\": \"Ada.Lovelace@Example.org\"}");
        return ", \"subjects\": [" + String.join(", ", subjects) + "]";
    }

    private ResponseEntity<Map> record(String body) {
        HttpHeaders headers = json();
        headers.setBasicAuth("dpo", "dpo");
        return http.exchange("/api/breaches", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> get(String reference) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("dpo", "dpo");
        return http.exchange("/api/breaches/" + reference, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> progress(String reference) {
        return (Map<String, Object>) get(reference).getBody().get("notices");
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private long count(String breachId, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM breach_recipient WHERE breach_id = :b"
                        + (status == null ? "" : " AND status = :s"))
                .param("b", breachId).param("s", status).query(Long.class).single();
    }

    /** Runs the instance's due jobs until none is left; returns the ids of jobs that failed. */
    private List<String> runJobsOf(String instance) {
        List<String> failed = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance).executable().list();
            if (jobs.isEmpty()) {
                return failed;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    failed.add(job.getId());
                }
            }
        }
        throw new AssertionError("Jobs kept creating jobs for 50 rounds");
    }

    private static List<ReceivedMail> noticesOf(String reference) {
        return Arrays.stream(TestInfrastructure.SMTP.getReceivedMessages()).map(ReceivedMail::of)
                .filter(mail -> mail.subject().contains(reference)).toList();
    }
}
