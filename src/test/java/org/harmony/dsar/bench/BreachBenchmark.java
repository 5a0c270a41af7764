package org.harmony.dsar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.harmony.dsar.DsarApplication;
import org.harmony.dsar.mail.MailTemplates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The breach notice benchmark: N affected people (1,000,000 by default) found from a catalogue source and notified
 * through the engine (API, process, parallel sending jobs, PostgreSQL claims) to an in-process SMTP server; next to
 * it, in the same run and against the same server, a plain JavaMail loop sending the same notice N times over one
 * connection. The server is {@link SmtpSink} (accepts and counts); {@code -Dbench.breach.smtp=greenmail} uses
 * GreenMail instead, whose delivery cost grows with the number of distinct addresses. Prints a table and writes {@code target/bench/breach-results.json}. Run with
 * {@code mvn -Pbench verify} (or {@code -Dbench.breach.recipients=...}).
 */
public final class BreachBenchmark {

    private static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);
    private static final int WARM_UP = 5_000;

    private final int recipients;
    /** How long a breach may take to be notified: 15 minutes, and a second more per 100 recipients. */
    private final Duration timeout;
    private final EmbeddedPostgres postgres;
    private final GreenMail greenMail;
    private final SmtpSink sink;
    private final int smtpPort;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong maxHeapUsed = new AtomicLong();
    private ConfigurableApplicationContext app;
    private JdbcClient jdbc;
    private String baseUrl;

    private BreachBenchmark(int recipients) throws IOException {
        this.recipients = recipients;
        this.timeout = Duration.ofMinutes(15).plusSeconds(recipients / 100);
        this.postgres = EmbeddedPostgres.builder().start();
        if ("greenmail".equals(System.getProperty("bench.breach.smtp"))) {
            this.greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            this.sink = null;
            this.smtpPort = greenMail.getSmtp().getPort();
        } else {
            this.greenMail = null;
            this.sink = new SmtpSink();
            this.smtpPort = sink.port();
        }
    }

    public static void main(String[] args) throws Exception {
        BreachBenchmark benchmark = new BreachBenchmark(Integer.getInteger("bench.breach.recipients", 1_000_000));
        try {
            benchmark.run();
        } finally {
            benchmark.close();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        startEngine();
        // GreenMail keeps every message in memory: empty its mailboxes every second so that only the engine's
        // memory shows in the heap figures; every second also samples the heap in use.
        sampler.scheduleAtFixedRate(() -> {
            if (greenMail != null) {
                try {
                    greenMail.purgeEmailFromAllMailboxes();
                } catch (com.icegreen.greenmail.store.FolderException e) {
                    throw new IllegalStateException("GreenMail could not be emptied", e);
                }
            }
            maxHeapUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }, 1, 1, TimeUnit.SECONDS);
        jdbc.sql("CREATE TABLE bench_person (id BIGINT PRIMARY KEY, email VARCHAR(320) NOT NULL)").update();
        jdbc.sql("""
                INSERT INTO bench_person (id, email)
                SELECT g, 'person' || g || '@example.org' FROM generate_series(1, :n) g
                """).param("n", recipients).update();

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("measuredAt", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1 << 20), "java", System.getProperty("java.version")));
        results.put("recipients", recipients);
        results.put("smtpServer", greenMail != null ? "GreenMail" : "SmtpSink (accepts and counts, stores nothing)");
        results.put("engineSettings", engineSettings());

        // Warm-up (JIT, pools): a small breach and a short plain loop, not reported.
        notifyThroughEngine("bench-warm-up", WARM_UP);
        plainJavaMailLoop(WARM_UP);

        maxHeapUsed.set(0);
        Map<String, Object> engine = notifyThroughEngine("bench-people", recipients);
        long engineHeap = maxHeapUsed.getAndSet(0);
        engine.put("maxHeapUsedMiB", engineHeap / (1 << 20));
        Map<String, Object> plain = plainJavaMailLoop(recipients);
        double ratio = (double) engine.get("noticesPerSecond") / (double) plain.get("mailsPerSecond");
        results.put("engine", engine);
        results.put("plainJavaMailLoop", plain);
        results.put("engineToPlainLoopRatio", round(ratio));

        print(engine, plain, ratio);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("breach-results.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("\nWritten to " + out.resolve("breach-results.json").toAbsolutePath());
    }

    private void startEngine() throws IOException {
        Path catalogue = Files.createTempFile("bench-sources", ".yml");
        Files.writeString(catalogue, """
                sources:
                  - name: bench-people
                    title: Benchmark customers
                    query: SELECT id, email FROM bench_person WHERE LOWER(email) = LOWER(:email)
                    subjects: {query: "SELECT email FROM bench_person"}
                    categories: [contact details]
                  - name: bench-warm-up
                    title: Benchmark warm-up
                    query: SELECT id, email FROM bench_person WHERE LOWER(email) = LOWER(:email)
                    subjects: {query: "SELECT email FROM bench_person WHERE id <= %d"}
                    categories: [contact details]
                """.formatted(WARM_UP));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort);
        properties.put("dsar.mail.embedded-server.enabled", false);
        properties.put("dsar.catalogue.location", "file:" + catalogue.toAbsolutePath());
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.harmony.dsar", "WARN");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        app = new SpringApplicationBuilder(DsarApplication.class).profiles("postgres", "demo").run(arguments);
        jdbc = app.getBean(JdbcClient.class);
        baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    private Map<String, Object> engineSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String key : List.of("dsar.breach.sending-slots", "dsar.breach.batch-size", "dsar.breach.job-time-box",
                "camunda.bpm.history-level", "camunda.bpm.job-execution.core-pool-size",
                "camunda.bpm.job-execution.max-pool-size", "spring.datasource.hikari.maximum-pool-size")) {
            settings.put(key, app.getEnvironment().getProperty(key));
        }
        return settings;
    }

    /** Records a breach over the API and waits until its last notice is recorded; times from the API call. */
    private Map<String, Object> notifyThroughEngine(String source, int expected) throws Exception {
        String body = """
                {"description": "Benchmark breach.", "detectedAt": "%s", "sources": ["%s"],
                 "consequences": "Phishing mails may use your address.", "measures": "Access closed, credentials changed.",
                 "subjectActions": "Be wary of mails asking for payment details.", "contact": "dpo@harmony.example"}
                """.formatted(Instant.now(), source);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/breaches"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dpo:dpo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long acceptedBefore = sink == null ? 0 : sink.messages();
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Breach not recorded: " + response.statusCode() + " " + response.body());
        }
        String reference = new ObjectMapper().readTree(response.body()).get("reference").asText();
        String breachId = jdbc.sql("SELECT id FROM breach WHERE reference = :r").param("r", reference)
                .query(String.class).single();
        Double foundAfter = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (true) {
            Map<String, Object> row = jdbc.sql("SELECT recipients_found_at, notices_completed_at FROM breach WHERE id = :id")
                    .param("id", breachId).query().singleRow();
            if (foundAfter == null && row.get("recipients_found_at") != null) {
                foundAfter = (System.nanoTime() - start) / 1e9;
            }
            if (row.get("notices_completed_at") != null) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Breach " + reference + " not notified within " + timeout);
            }
            if (System.nanoTime() > nextProgress) {
                nextProgress += PROGRESS_EVERY.toNanos();
                System.out.printf("engine: %,d of %,d notices accepted by the server after %.0f s, heap %d MiB%n",
                        sink == null ? -1 : sink.messages() - acceptedBefore, expected,
                        (System.nanoTime() - start) / 1e9, maxHeapUsed.get() / (1 << 20));
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> counts = jdbc.sql("""
                SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE status = 'SENT') AS sent,
                       COUNT(DISTINCT message_id) AS message_ids, MAX(attempts) AS max_attempts
                FROM breach_recipient WHERE breach_id = :id
                """).param("id", breachId).query().singleRow();
        Timestamp due = jdbc.sql("SELECT notice_due_at FROM breach WHERE id = :id").param("id", breachId)
                .query(Timestamp.class).single();
        long sent = ((Number) counts.get("sent")).longValue();
        if (sent != expected) {
            throw new IllegalStateException("Expected " + expected + " notices sent, got " + sent);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("notices", sent);
        if (sink != null) {
            run.put("acceptedByServer", sink.messages() - acceptedBefore);
        }
        run.put("distinctMessageIds", ((Number) counts.get("message_ids")).longValue());
        run.put("maxAttemptsPerRecipient", ((Number) counts.get("max_attempts")).intValue());
        run.put("secondsToFindRecipients", round(foundAfter == null ? seconds : foundAfter));
        run.put("secondsTotal", round(seconds));
        run.put("noticesPerSecond", round(sent / seconds));
        run.put("sendJobs", app.getBean(org.camunda.bpm.engine.HistoryService.class)
                .createHistoricActivityInstanceQuery().activityId("ServiceTask_SendNoticeBatch")
                .processInstanceId(jdbc.sql("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = :r")
                        .param("r", reference).query(String.class).single()).count());
        run.put("noticeDueAt", due.toInstant().toString());
        run.put("secondsLeftBeforeDeadline", round(Duration.between(Instant.now(), due.toInstant()).toSeconds()));
        return run;
    }

    /**
     * The same notice sent by one thread over one SMTP connection to the same N addresses the engine notified (run
     * after it, so GreenMail knows every address already: if anything, this favours the plain loop): the raw rate
     * of this server.
     */
    private Map<String, Object> plainJavaMailLoop(int mails) throws Exception {
        JavaMailSenderImpl sender = app.getBean(JavaMailSenderImpl.class);
        MailTemplates.Rendered notice = app.getBean(MailTemplates.class).render("breach-notice", Locale.ENGLISH, Map.of(
                "reference", "BREACH-PLAINLOOP", "companyName", "Harmony", "description", "Benchmark breach.",
                "detectedDate", "1 January 2027", "categories", List.of("contact details"),
                "consequences", "Phishing mails may use your address.", "measures", "Access closed, credentials changed.",
                "subjectActions", "Be wary of mails asking for payment details.", "contact", "dpo@harmony.example"));
        Session session = sender.getSession();
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", smtpPort, null, null);
            for (int i = 1; i <= mails; i++) {
                MimeMessage message = new MimeMessage(session);
                MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom("privacy@harmony.example");
                helper.setTo("person" + i + "@example.org");
                helper.setSubject(notice.subject());
                helper.setText(notice.text(), notice.html());
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                if (i % 100_000 == 0) {
                    System.out.printf("plain loop: %,d of %,d mails after %.0f s%n", i, mails,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("mails", mails);
        run.put("seconds", round(seconds));
        run.put("mailsPerSecond", round(mails / seconds));
        return run;
    }

    private void print(Map<String, Object> engine, Map<String, Object> plain, double ratio) {
        System.out.println();
        System.out.printf("Breach notices to %,d people, %s SMTP, PostgreSQL, %d cores%n", recipients,
                greenMail != null ? "GreenMail" : "sink", Runtime.getRuntime().availableProcessors());
        System.out.printf("%-36s %16s %16s%n", "", "plain JavaMail", "engine");
        System.out.printf("%-36s %16d %16d%n", "mails sent", plain.get("mails"), engine.get("notices"));
        System.out.printf("%-36s %16.1f %16.1f%n", "seconds", plain.get("seconds"), engine.get("secondsTotal"));
        System.out.printf("%-36s %16.1f %16.1f%n", "mails per second", plain.get("mailsPerSecond"),
                engine.get("noticesPerSecond"));
        System.out.printf("%-36s %33.2f%n", "engine / plain loop", ratio);
        System.out.printf("%-36s %33.1f%n", "seconds to find recipients", engine.get("secondsToFindRecipients"));
        System.out.printf("%-36s %33d%n", "send jobs", engine.get("sendJobs"));
        System.out.printf("%-36s %33d%n", "distinct Message-IDs", engine.get("distinctMessageIds"));
        System.out.printf("%-36s %33d%n", "max heap used during the run (MiB)", engine.get("maxHeapUsedMiB"));
        System.out.printf("%-36s %33.0f%n", "seconds left before the deadline", engine.get("secondsLeftBeforeDeadline"));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void close() throws IOException {
        sampler.shutdownNow();
        if (app != null) {
            app.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (sink != null) {
            sink.close();
        }
        postgres.close();
    }
}
