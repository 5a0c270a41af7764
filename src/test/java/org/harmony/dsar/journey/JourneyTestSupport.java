package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole engine on a real PostgreSQL and a real SMTP server, reached over HTTP. The job executor is off:
 * tests run jobs explicitly, so every step is deterministic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "dsar.mail.embedded-server.enabled=false",
        "dsar.api.rate-limit.requests=1000",
        // Actuator on a port of its own, as in production
        "management.server.port=0",
        // The demo call recording provider answers in pages of two, so that journeys follow its next links.
        "dsar.demo.call-recording-processor.page-size=2",
        "dsar.catalogue.http.max-pages=100000",
        // Some journeys reuse a demo subject's address; PublicApiAbuseTest reaches the cap with fresh ones.
        "dsar.api.rate-limit.per-recipient-per-day=10"
})
@ActiveProfiles({"postgres", "demo"})
// One application context for every journey: a second one would register a second engine named "default".
@AutoConfigureMockMvc
// Metrics are exported as in production (Boot's tests leave out the Prometheus registry otherwise).
@AutoConfigureObservability(tracing = false)
public abstract class JourneyTestSupport {

    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected ManagementService management;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestInfrastructure::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestInfrastructure::smtpPort);
        // The privacy mailbox: configured, not polled on a schedule (dsar.inbox.enabled=false); tests poll it.
        registry.add("dsar.inbox.mailboxes[0].name", () -> "privacy");
        registry.add("dsar.inbox.mailboxes[0].host", () -> "127.0.0.1");
        registry.add("dsar.inbox.mailboxes[0].port", TestInfrastructure::imapPort);
        registry.add("dsar.inbox.mailboxes[0].protocol", () -> "imap");
        registry.add("dsar.inbox.mailboxes[0].user", () -> TestInfrastructure.INBOX_USER);
        registry.add("dsar.inbox.mailboxes[0].password", () -> TestInfrastructure.INBOX_PASSWORD);
    }

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    /** Runs every job that is due, including those the jobs create, until none is left. */
    protected void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs kept creating jobs for 50 rounds");
    }

    protected ResponseEntity<Map> submit(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/requests", new HttpEntity<>(json, headers), Map.class);
    }

    protected ResponseEntity<Map> postJson(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }

    /** Submits a request, confirms the code mailed to {@code email} and runs the jobs that follow; the reference. */
    protected String submitAndVerify(String email, String json) {
        return submitAndVerify(email, json, ": confirm your email address");
    }

    /** As {@link #submitAndVerify(String, String)}, for a code mail whose subject ends as given (its language). */
    protected String submitAndVerify(String email, String json, String codeMailSubject) {
        ResponseEntity<Map> accepted = submit(json);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        String code = codeIn(awaitMail(email, reference + codeMailSubject));
        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        return reference;
    }

    /** The id of the request's one open task of this definition, as a compliance officer sees it. */
    @SuppressWarnings("unchecked")
    protected String officerTaskId(String reference, String taskDefinitionKey) {
        ResponseEntity<List> tasks = http.withBasicAuth("officer", "officer").getForEntity(
                "/engine-rest/task?processInstanceBusinessKeyLike=" + reference + "&taskDefinitionKey="
                        + taskDefinitionKey, List.class);
        assertThat(tasks.getBody()).hasSize(1);
        return (String) ((Map<String, Object>) tasks.getBody().get(0)).get("id");
    }

    /** Completes a task over the engine's REST API as {@code user} (password = user name in the demo). */
    protected ResponseEntity<String> completeAs(String user, String taskId, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>("{\"variables\": " + variables + "}", headers), String.class);
    }

    /** Mails received for an address, oldest first. */
    protected static List<ReceivedMail> mailsTo(String address) {
        return Arrays.stream(TestInfrastructure.SMTP.getReceivedMessages())
                .map(ReceivedMail::of)
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    protected static ReceivedMail awaitMail(String address, String subjectPart) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (ReceivedMail mail : mailsTo(address)) {
                if (mail.subject().contains(subjectPart)) {
                    return mail;
                }
            }
            TestInfrastructure.SMTP.waitForIncomingEmail(200, 1);
        }
        throw new AssertionError("No mail to " + address + " with subject containing '" + subjectPart + "'; got "
                + mailsTo(address).stream().map(ReceivedMail::subject).toList());
    }

    protected static String codeIn(ReceivedMail mail) {
        Matcher matcher = CODE.matcher(mail.text());
        assertThat(matcher.find()).as("a six-digit code in the mail").isTrue();
        return matcher.group(1);
    }

    protected static String linkIn(ReceivedMail mail, String pathPart) {
        Matcher matcher = Pattern.compile("(http://\\S*" + Pattern.quote(pathPart) + "\\S*)").matcher(mail.text());
        assertThat(matcher.find()).as("a link containing " + pathPart).isTrue();
        return matcher.group(1);
    }

    protected static String uniqueEmail(String name) {
        return name + "." + System.nanoTime() + "@example.org";
    }

    /** A link from a mail as a path and query on the test server. */
    protected static String relative(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The files of a zip package, as text. */
    protected static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** A new customer of the demo system of record (postcode 22201, which verifies them); their email address. */
    protected String demoCustomer(JdbcClient jdbc, String name) {
        String email = uniqueEmail(name);
        long id = 700_000 + (System.nanoTime() % 100_000);
        jdbc.sql("""
                INSERT INTO sor.customer_account (id, customer_number, email, full_name, phone, postcode, country,
                    password_hash, created_at) VALUES (:id, :number, :email, 'Ann Appeal', NULL, '22201', 'US',
                    'x', CURRENT_TIMESTAMP)""").param("id", id).param("number", "C-" + id).param("email", email)
                .update();
        return email;
    }

    /** A verified access request that officer2 denies in review (reason RIGHTS_OF_OTHERS); its reference. */
    protected String deniedRequest(String email, String jurisdiction) {
        String reference = submitAndVerify(email, """
                {"type": "ACCESS", "jurisdiction": "%s", "email": "%s", "fullName": "Ann Appeal",
                 "dataPoints": {"postcode": "22201"}}""".formatted(jurisdiction, email));
        ResponseEntity<String> denied = completeAs("officer2", officerTaskId(reference, "UserTask_ReviewResponse"), """
                {"reviewDecision": {"value": "DENY"}, "denialReason": {"value": "RIGHTS_OF_OTHERS"}}""");
        assertThat(denied.getStatusCode()).as(denied.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        return reference;
    }
}
