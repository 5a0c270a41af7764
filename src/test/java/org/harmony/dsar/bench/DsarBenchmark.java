package org.harmony.dsar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.harmony.dsar.DsarApplication;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark: N access requests driven over HTTP through the whole automated path (intake, verification by
 * the mailed code, lookups, package, review approved through the REST API, response mail), next to a bare-engine
 * baseline process of the same shape (same asynchronous steps and wait states, no-op steps) in the same engine and
 * database; then one subject with many records exported. A real PostgreSQL and an SMTP server ({@link SmtpSink},
 * which queues what it receives and parses nothing), started here.
 * Prints a table and writes {@code target/bench/results.json}. Run with {@code mvn -Pbench verify}.
 */
public final class DsarBenchmark {

    private static final Pattern SUBJECT = Pattern.compile("^(DSAR-[0-9A-Z]{5}-[0-9A-Z]{5}): (.*)$");
    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final String EXPORT_SUBJECT = "export.subject@example.org";
    /** The bare-engine baselines: the DSAR path's asynchronous steps in a row, and its structure rebuilt. */
    private static final String CHAIN = "BaselineProcess";
    private static final String TWIN = "TwinProcess";
    private static final java.time.format.DateTimeFormatter ENGINE_DATE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC);
    /**
     * Variables like those a DSAR instance starts with and passes to the processes it calls, under other names (the
     * application's engine listeners act on the real ones); their values do not matter.
     */
    private static final String BASELINE_VARIABLES = """
            {"twinId": {"value": "bench"}, "twinReference": {"value": "DSAR-00000-00000"},
             "twinType": {"value": "ACCESS"}, "twinRegion": {"value": "EU"},
             "twinDue": {"value": "2030-01-01T00:00:00.000+0000", "type": "Date"}, "twinPeriod": {"value": "P1M"}}""";
    private static final List<String> PASSED_ON = List.of("twinId", "twinReference", "twinType", "twinRegion",
            "twinDue");

    private int requests;
    private final int exportRecords;
    private final EmbeddedPostgres postgres;
    private final SmtpSink smtp;
    private ConfigurableApplicationContext app;
    private Http http;
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    /** How long one DSAR run may take before it is reported with what completed. */
    private Duration runTimeout = TIMEOUT;

    private DsarBenchmark(int requests, int exportRecords) throws IOException {
        this.requests = requests;
        this.exportRecords = exportRecords;
        this.postgres = EmbeddedPostgres.builder().start();
        this.smtp = SmtpSink.capturing();
    }

    public static void main(String[] args) throws Exception {
        DsarBenchmark benchmark = new DsarBenchmark(Integer.getInteger("bench.requests", 1000),
                Integer.getInteger("bench.export.records", 100_000));
        try {
            benchmark.run();
        } finally {
            benchmark.close();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        startEngine();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("measuredAt", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1 << 20), "java", System.getProperty("java.version")));
        results.put("engineSettings", engineSettings());
        String part = System.getProperty("bench.part", "all");
        if (part.equals("export")) {
            Map<String, Object> export = runExport();
            results.put("export", export);
            System.out.println("\nexport: " + export);
            write(results, "export-results.json");
            return;
        }

        // Warm-up (JIT, connection pools, caches), not reported: a tenth of the load through both paths.
        int measured = requests;
        requests = Math.max(10, measured / 10);
        runDsar();
        int asyncSteps = asyncStepsPerRequest();
        results.put("asyncStepsPerRequest", asyncSteps);
        deployBaseline(asyncSteps);
        deployTwin(asyncSteps);
        runBaseline(CHAIN, "bare engine, linear chain");
        runBaseline(TWIN, "bare engine, same structure");
        requests = measured;
        Run chain = runBaseline(CHAIN, "bare engine, linear chain");
        Run baseline = runBaseline(TWIN, "bare engine, same structure");
        Run dsar = runDsar();
        results.put("baselineLinearChain", chain.toMap());
        results.put("baseline", baseline.toMap());
        results.put("dsar", dsar.toMap());
        List<Map<String, Object>> dsarSteps = steps(dsar);
        List<Map<String, Object>> baselineSteps = steps(baseline);
        results.put("dsarStepsPerRequest", dsarSteps);
        results.put("baselineStepsPerRequest", baselineSteps);
        double ratio = dsar.perSecond() / baseline.perSecond();
        results.put("dsarToBaselineThroughputRatio", round(ratio));
        results.put("dsarToLinearChainThroughputRatio", round(dsar.perSecond() / chain.perSecond()));
        Map<String, Object> export = part.equals("load") ? null : runExport();
        if (export != null) {
            results.put("export", export);
        }

        print(chain, baseline, dsar, ratio, export);
        printSteps("DSAR", dsarSteps);
        printSteps("baseline", baselineSteps);
        if (Boolean.parseBoolean(System.getProperty("bench.compare-settings", "true"))) {
            List<Map<String, Object>> comparison = compareSettings(Integer.getInteger("bench.compare.requests", 300));
            results.put("engineSettingsComparison", comparison);
            printComparison(comparison);
        }
        write(results, "results.json");
    }

    private static void write(Map<String, Object> results, String name) throws IOException {
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.writeString(out.resolve(name), json);
        System.out.println("\nWritten to " + out.resolve(name).toAbsolutePath());
    }

    private void startEngine() {
        startEngine(postgres.getJdbcUrl("postgres", "postgres"), Map.of());
    }

    private void startEngine(String jdbcUrl, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtp.port());
        properties.put("dsar.mail.embedded-server.enabled", false);
        properties.put("dsar.api.rate-limit.requests", 1_000_000);
        properties.put("dsar.api.rate-limit.per-recipient-per-day", 1_000_000);
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.harmony.dsar", "WARN");
        properties.putAll(overrides);
        // As arguments: they take precedence over the profiles' files (builder properties would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        app = new SpringApplicationBuilder(DsarApplication.class).profiles("postgres", "demo").run(arguments);
        http = new Http("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    private Map<String, Object> engineSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String key : List.of("camunda.bpm.history-level", "camunda.bpm.job-execution.core-pool-size",
                "camunda.bpm.job-execution.max-pool-size", "camunda.bpm.job-execution.max-jobs-per-acquisition",
                "camunda.bpm.job-execution.wait-time-in-millis", "spring.datasource.hikari.maximum-pool-size")) {
            settings.put(key, app.getEnvironment().getProperty(key));
        }
        return settings;
    }

    // ---- Engine settings compared ------------------------------------------------------------------------------

    /**
     * The settings in application.yml next to alternatives, one at a time, each on a fresh database (the history
     * level cannot change on an existing one) with the same load: a warm-up, then {@code perVariant} access
     * requests through the whole path. Reports throughput, end-to-end latency and history rows per request.
     */
    private List<Map<String, Object>> compareSettings(int perVariant) throws Exception {
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        variants.put("chosen (application.yml)", Map.of());
        variants.put("Camunda defaults: 3 jobs per acquisition, 5 s idle wait, 3-10 threads", Map.of(
                "camunda.bpm.job-execution.core-pool-size", 3,
                "camunda.bpm.job-execution.max-pool-size", 10,
                "camunda.bpm.job-execution.queue-capacity", 3,
                "camunda.bpm.job-execution.max-jobs-per-acquisition", 3,
                "camunda.bpm.job-execution.wait-time-in-millis", 5000,
                "camunda.bpm.job-execution.max-wait", 60000));
        variants.put("more job threads: 8-16, 16 per acquisition", Map.of(
                "camunda.bpm.job-execution.core-pool-size", 8,
                "camunda.bpm.job-execution.max-pool-size", 16,
                "camunda.bpm.job-execution.queue-capacity", 32,
                "camunda.bpm.job-execution.max-jobs-per-acquisition", 16));
        variants.put("history level full", Map.of("camunda.bpm.history-level", "full"));
        // A pool no larger than the job threads starves: a job holds its engine connection while the mail record
        // takes a second one (REQUIRES_NEW). Measured once with 8 and 8: Hikari timeouts, the run stalled.
        variants.put("connection pool of 40", Map.of("spring.datasource.hikari.maximum-pool-size", 40));
        List<Map<String, Object>> comparison = new ArrayList<>();
        int measured = requests;
        int variantNumber = 0;
        runTimeout = Duration.ofMinutes(6);
        for (Map.Entry<String, Map<String, Object>> variant : variants.entrySet()) {
            app.close();
            String database = "settings_" + variantNumber++;
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE DATABASE " + database);
            }
            startEngine(postgres.getJdbcUrl("postgres", database), variant.getValue());
            requests = Math.max(10, perVariant / 10);
            runDsar();
            requests = perVariant;
            Run run = runDsar();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", variant.getKey());
            row.put("overrides", variant.getValue());
            row.put("completed", run.completed);
            row.put("requestsPerSecond", round(run.perSecond()));
            row.put("totalLatencyMs", run.stage("total, intake to response mail").summary());
            row.put("historyRowsPerRequest", round(historyRows() / (double) (perVariant + Math.max(10, perVariant / 10))));
            comparison.add(row);
            System.out.printf("settings: %-70s %6.2f requests/s%n", variant.getKey(), run.perSecond());
        }
        requests = measured;
        Map<String, Object> chosen = comparison.get(0);
        for (Map<String, Object> row : comparison) {
            row.put("throughputToChosen", round((Double) row.get("requestsPerSecond")
                    / (Double) chosen.get("requestsPerSecond")));
        }
        return comparison;
    }

    /** Rows in the engine's history tables (ACT_HI_*), which history cleanup later removes. */
    private long historyRows() throws SQLException {
        long rows = 0;
        try (Connection connection = app.getBean(DataSource.class).getConnection()) {
            List<String> tables = new ArrayList<>();
            try (var rs = connection.createStatement().executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_name LIKE 'act\\_hi\\_%'""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (var rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows += rs.next() ? rs.getLong(1) : 0;
                }
            }
        }
        return rows;
    }

    private static void printComparison(List<Map<String, Object>> comparison) {
        System.out.println();
        System.out.printf("%-72s %9s %9s %9s %9s %12s%n", "engine settings (same load, fresh database)", "req/s",
                "ratio", "p50 ms", "p95 ms", "hist.rows/req");
        for (Map<String, Object> row : comparison) {
            @SuppressWarnings("unchecked")
            Map<String, Object> latency = (Map<String, Object>) row.get("totalLatencyMs");
            System.out.printf("%-72s %9.2f %9.2f %9s %9s %12.1f%n", row.get("variant"), row.get("requestsPerSecond"),
                    row.get("throughputToChosen"), latency.get("p50Millis"), latency.get("p95Millis"),
                    row.get("historyRowsPerRequest"));
        }
    }

    // ---- Baseline: the same shape on the bare engine --------------------------------------------------------

    /**
     * How many asynchronous steps (jobs) one access request runs, counted from the history of a request the
     * warm-up completed: activity instances of elements marked asyncBefore or asyncAfter, in the request's process
     * instance and every instance it called.
     */
    private int asyncStepsPerRequest() {
        org.camunda.bpm.engine.HistoryService history = app.getBean(org.camunda.bpm.engine.HistoryService.class);
        RepositoryService repository = app.getBean(RepositoryService.class);
        String root = history.createHistoricProcessInstanceQuery().processDefinitionKey("DsarProcess").finished()
                .listPage(0, 1).get(0).getId();
        Map<String, Set<String>> asyncByDefinition = new ConcurrentHashMap<>();
        int steps = 0;
        for (var instance : history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list()) {
            Set<String> async = asyncByDefinition.computeIfAbsent(instance.getProcessDefinitionId(), id ->
                    repository.getBpmnModelInstance(id).getModelElementsByType(
                            org.camunda.bpm.model.bpmn.instance.FlowNode.class).stream()
                            .filter(DsarBenchmark::isAsync)
                            .map(org.camunda.bpm.model.bpmn.instance.FlowNode::getId)
                            .collect(java.util.stream.Collectors.toSet()));
            steps += (int) history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list()
                    .stream().filter(activity -> async.contains(activity.getActivityId())).count();
        }
        return steps;
    }

    private static boolean isAsync(org.camunda.bpm.model.bpmn.instance.FlowNode node) {
        try {
            return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
        } catch (UnsupportedOperationException e) {
            return false; // an event-based gateway cannot be asynchronous
        }
    }

    /**
     * The bare-engine baseline with the DSAR path's shape: its asynchronous steps as no-op service tasks, two
     * before the verification wait (acknowledgement, code), one after the review (response), the rest between;
     * one message wait, one user task with the review's form (a completion may carry only its form's fields).
     */
    private void deployBaseline(int asyncSteps) {
        org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> builder = Bpmn
                .createExecutableProcess("BaselineProcess").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Acknowledge").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("Task_SendCode").camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent("Event_Verified").message("BaselineVerified");
        for (int i = 0; i < Math.max(1, asyncSteps - 3); i++) {
            builder = builder.serviceTask("Task_Step" + i).camundaAsyncBefore().camundaExpression("${true}");
        }
        BpmnModelInstance model = builder
                .userTask("Task_Review").camundaCandidateGroups("complianceOfficers")
                .camundaFormRef("ReviewResponseForm").camundaFormRefBinding("latest")
                .serviceTask("Task_Respond").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent()
                .done();
        app.getBean(RepositoryService.class).createDeployment().name("benchmark baseline")
                .addModelInstance("BaselineProcess.bpmn", model).deploy();
    }

    /**
     * The second baseline: the DSAR access path's structure on the bare engine, every step a no-op. The request
     * process with its three deadline timers (event subprocesses), two no-op steps where the deadline is decided and
     * recorded, the asynchronous acknowledgement, and three call activities taking the request's variables: the
     * identity check (two synchronous steps, an embedded subprocess with a reminder timer, a period timer and a
     * new-code event subprocess around the asynchronous code mail and the message wait, then the asynchronous
     * matching and a synchronous record), the legal-hold check (one asynchronous step) and fulfilment (a parallel
     * multi-instance subprocess, one instance per source, with an asynchronous lookup and an asynchronous end, then
     * a summary and the asynchronous package). Then the review task with the review's form and the asynchronous
     * response. As many sources as the warm-up's requests looked up.
     */
    private void deployTwin(int asyncSteps) {
        int sources = (int) app.getBean(org.camunda.bpm.engine.HistoryService.class)
                .createHistoricActivityInstanceQuery().activityId("ServiceTask_LookUpSource").count()
                / Math.max(1, requests);
        if (asyncSteps != 2 * sources + 6) {
            System.out.printf("note: %d asynchronous steps per request, the structure baseline has %d%n", asyncSteps,
                    2 * sources + 6);
        }
        var main = Bpmn.createExecutableProcess(TWIN).camundaHistoryTimeToLive(1);
        main.eventSubProcess("Twin_FirstReminder").startEvent().timerWithDuration("P30D").interrupting(false)
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent();
        main.eventSubProcess("Twin_FinalReminder").startEvent().timerWithDuration("P40D").interrupting(false)
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent();
        main.eventSubProcess("Twin_DeadlineBreached").startEvent().timerWithDuration("P50D").interrupting(false)
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent();
        var toVerify = main.startEvent("Twin_RequestReceived")
                .serviceTask("Twin_DetermineDeadline").camundaExpression("${true}")
                .serviceTask("Twin_RecordDueDate").camundaExpression("${true}")
                .serviceTask("Twin_SendAcknowledgement").camundaAsyncBefore().camundaExpression("${true}")
                .callActivity("Twin_VerifyIdentity").calledElement(TWIN + "Verify");
        PASSED_ON.forEach(name -> toVerify.camundaIn(name, name));
        var toHold = toVerify.callActivity("Twin_CheckLegalHolds").calledElement(TWIN + "Hold");
        PASSED_ON.forEach(name -> toHold.camundaIn(name, name));
        var toFulfil = toHold.callActivity("Twin_Fulfil").calledElement(TWIN + "Fulfil");
        PASSED_ON.forEach(name -> toFulfil.camundaIn(name, name));
        BpmnModelInstance request = toFulfil
                .userTask("Twin_Review").camundaCandidateGroups("complianceOfficers")
                .camundaFormRef("ReviewResponseForm").camundaFormRefBinding("latest")
                .serviceTask("Twin_SendResponse").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent("Twin_ResponseSent").done();

        var verifyProcess = Bpmn.createExecutableProcess(TWIN + "Verify").camundaHistoryTimeToLive(1);
        BpmnModelInstance verify = verifyProcess.startEvent("Twin_VerificationStarted")
                .serviceTask("Twin_PrepareVerification").camundaExpression("${true}")
                .serviceTask("Twin_DetermineLevel").camundaExpression("${true}")
                .subProcess("Twin_ConfirmEmail").embeddedSubProcess().startEvent("Twin_EmailCheckStarted")
                .serviceTask("Twin_SendCode").camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent("Twin_EmailConfirmed").message("BaselineVerified")
                .endEvent("Twin_EmailCheckDone").subProcessDone()
                .serviceTask("Twin_MatchDataPoints").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("Twin_RecordVerified").camundaExpression("${true}")
                .endEvent("Twin_Verified")
                .moveToActivity("Twin_ConfirmEmail").boundaryEvent("Twin_RemindRequester").cancelActivity(false)
                .timerWithDuration("P2D").serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent()
                .moveToActivity("Twin_ConfirmEmail").boundaryEvent("Twin_PeriodElapsed").timerWithDuration("P14D")
                .endEvent()
                .done();
        org.camunda.bpm.model.bpmn.instance.SubProcess confirmEmail = verify.getModelElementById("Twin_ConfirmEmail");
        ((org.camunda.bpm.model.bpmn.builder.SubProcessBuilder) confirmEmail.builder()).embeddedSubProcess()
                .eventSubProcess("Twin_NewCodeRequested").startEvent().message("BaselineNewCode").interrupting(false)
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent();

        BpmnModelInstance hold = Bpmn.createExecutableProcess(TWIN + "Hold").camundaHistoryTimeToLive(1)
                .startEvent("Twin_CheckRequested")
                .serviceTask("Twin_CheckHolds").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent("Twin_CheckCompleted").done();

        BpmnModelInstance fulfil = Bpmn.createExecutableProcess(TWIN + "Fulfil").camundaHistoryTimeToLive(1)
                .startEvent("Twin_FulfilmentRequested")
                .subProcess("Twin_LookUpSources").multiInstance().parallel().cardinality(Integer.toString(sources))
                .<org.camunda.bpm.model.bpmn.builder.SubProcessBuilder>multiInstanceDone()
                .embeddedSubProcess().startEvent("Twin_SourceLookupStarted")
                .serviceTask("Twin_LookUpSource").camundaAsyncBefore().camundaExclusive(false)
                .camundaExpression("${true}")
                .endEvent("Twin_SourceLookedUp").camundaAsyncBefore()
                .subProcessDone()
                .serviceTask("Twin_Summarise").camundaExpression("${true}")
                .serviceTask("Twin_BuildPackage").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent("Twin_Fulfilled").done();

        app.getBean(RepositoryService.class).createDeployment().name("benchmark baseline, same structure")
                .addModelInstance(TWIN + "Verify.bpmn", verify).addModelInstance(TWIN + "Hold.bpmn", hold)
                .addModelInstance(TWIN + "Fulfil.bpmn", fulfil).addModelInstance(TWIN + ".bpmn", request).deploy();
    }

    private Run runBaseline(String processKey, String name) throws InterruptedException {
        Run run = new Run(name, requests);
        Map<String, Long> started = new ConcurrentHashMap<>();
        Set<String> correlated = ConcurrentHashMap.newKeySet();
        Map<String, Long> approvedAt = new ConcurrentHashMap<>();
        Set<String> reviewing = ConcurrentHashMap.newKeySet();
        run.start();
        for (int i = 0; i < requests; i++) {
            String key = processKey + "-" + i;
            clients.submit(() -> {
                long t0 = System.nanoTime();
                Http.Response response = http.post("/engine-rest/process-definition/key/" + processKey + "/start",
                        "{\"businessKey\": \"" + key + "\", \"variables\": " + BASELINE_VARIABLES + "}", "admin");
                run.stage("intake (HTTP)").add(millisSince(t0));
                started.put(response.body().path("id").asText(), t0);
                return response.status();
            });
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Set<String> finished = ConcurrentHashMap.newKeySet();
        Set<String> ours = started.keySet();
        while (finished.stream().filter(ours::contains).count() < requests && System.nanoTime() < deadline) {
            Http.Response executions = http.get(
                    "/engine-rest/execution?messageEventSubscriptionName=BaselineVerified&maxResults=1000", "admin");
            for (JsonNode execution : executions.body()) {
                String processInstanceId = execution.path("processInstanceId").asText();
                if (!correlated.add(processInstanceId)) {
                    continue;
                }
                clients.submit(() -> {
                    Http.Response response = http.post("/engine-rest/message", "{\"messageName\": "
                            + "\"BaselineVerified\", \"processInstanceId\": \"" + processInstanceId + "\"}", "admin");
                    if (response.status() == 204) {
                        Long startedAt = started.get(processInstanceId);
                        if (startedAt != null) {
                            run.stage("to wait for verification").add(millisSince(startedAt));
                        }
                    } else {
                        correlated.remove(processInstanceId);
                    }
                });
            }
            approveTasks(processKey, reviewing, task -> {
                String key = task.path("processInstanceId").asText();
                return key;
            }, (pi, t) -> approvedAt.put(pi, t));
            collectFinished(processKey, finished, run, approvedAt);
            Thread.sleep(200);
        }
        run.stop((int) finished.stream().filter(ours::contains).count());
        return run;
    }

    // ---- DSAR: the real thing over HTTP ----------------------------------------------------------------------

    private Run runDsar() throws InterruptedException {
        Run run = new Run("DSAR engine, access requests", requests);
        Map<String, Long> submitted = new ConcurrentHashMap<>();
        Map<String, Long> verifiedAt = new ConcurrentHashMap<>();
        Map<String, Long> approvedAt = new ConcurrentHashMap<>();
        Set<String> responded = ConcurrentHashMap.newKeySet();
        Set<String> reviewing = ConcurrentHashMap.newKeySet();
        AtomicLong failures = new AtomicLong();
        run.start();
        String batch = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < requests; i++) {
            String email = "bench." + batch + "." + i + "@example.org";
            clients.submit(() -> {
                long t0 = System.nanoTime();
                Http.Response response = http.post("/api/requests", """
                        {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Bench %s"}"""
                        .formatted(email, email), null);
                if (response.status() != 202) {
                    failures.incrementAndGet();
                    return;
                }
                run.stage("intake (HTTP)").add(millisSince(t0));
                submitted.put(response.body().path("reference").asText(), t0);
            });
        }
        long deadline = System.nanoTime() + runTimeout.toNanos();
        while (responded.size() < requests && System.nanoTime() < deadline) {
            for (Mail mail : newMails()) {
                Matcher subject = SUBJECT.matcher(mail.subject() == null ? "" : mail.subject());
                if (!subject.matches() || !submitted.containsKey(subject.group(1))) {
                    continue;
                }
                String reference = subject.group(1);
                long since = millisSince(submitted.get(reference));
                String kind = subject.group(2);
                if (kind.startsWith("we have received")) {
                    run.stage("acknowledgement mail").add(since);
                } else if (kind.startsWith("confirm your email")) {
                    run.stage("code mail").add(since);
                    Matcher code = CODE.matcher(mail.text());
                    if (code.find()) {
                        String entered = code.group(1);
                        clients.submit(() -> {
                            long t0 = System.nanoTime();
                            Http.Response response = http.post("/api/requests/" + reference + "/verification",
                                    "{\"code\": \"" + entered + "\"}", null);
                            if (response.status() == 200) {
                                run.stage("verification (HTTP)").add(millisSince(t0));
                                verifiedAt.put(reference, System.nanoTime());
                            } else {
                                failures.incrementAndGet();
                            }
                        });
                    }
                } else if (kind.startsWith("your personal data is ready")) {
                    Long approved = approvedAt.get(reference);
                    if (approved != null) {
                        run.stage("approval to response mail").add(millisSince(approved));
                    }
                    run.stage("total, intake to response mail").add(since);
                    responded.add(reference);
                }
            }
            approveTasks("DsarProcess", reviewing, task -> {
                Http.Response variable = http.get("/engine-rest/task/" + task.path("id").asText()
                        + "/variables/requestReference", "officer");
                String reference = variable.body() == null ? null : variable.body().path("value").asText();
                Long verified = reference == null ? null : verifiedAt.get(reference);
                if (verified != null) {
                    run.stage("verification to review task").add(millisSince(verified));
                }
                return reference;
            }, (reference, t) -> approvedAt.put(reference, t));
            Thread.sleep(200);
        }
        run.stop(responded.size());
        run.failures = failures.get();
        return run;
    }

    private void approveTasks(String processKey, Set<String> reviewing,
            java.util.function.Function<JsonNode, String> identify,
            java.util.function.BiConsumer<String, Long> approved) {
        Http.Response tasks = http.get("/engine-rest/task?processDefinitionKey=" + processKey
                + "&maxResults=200", "officer");
        if (tasks.status() != 200) {
            return;
        }
        for (JsonNode task : tasks.body()) {
            String taskId = task.path("id").asText();
            if (!reviewing.add(taskId)) {
                continue;
            }
            clients.submit(() -> {
                String key = identify.apply(task);
                Http.Response response = http.post("/engine-rest/task/" + taskId + "/complete",
                        "{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}", "officer");
                if (response.status() == 204 && key != null) {
                    approved.accept(key, System.nanoTime());
                } else if (response.status() != 204) {
                    reviewing.remove(taskId);
                }
            });
        }
    }

    /**
     * Records the instances finished since the previous poll: asks for those finished in the last seconds only, so
     * that the poll does not grow with the run (and load the baseline more than the DSAR run, which is timed by its
     * mails).
     */
    private void collectFinished(String processKey, Set<String> finished, Run run, Map<String, Long> approvedAt) {
        Instant polled = Instant.now();
        Instant since = run.finishedPolledAt == null ? run.startedAt : run.finishedPolledAt.minusSeconds(2);
        Http.Response instances = http.get("/engine-rest/history/process-instance?processDefinitionKey=" + processKey
                + "&finished=true&maxResults=100000&finishedAfter="
                + java.net.URLEncoder.encode(ENGINE_DATE.format(since), StandardCharsets.UTF_8), "admin");
        if (instances.status() != 200) {
            return;
        }
        run.finishedPolledAt = polled;
        for (JsonNode instance : instances.body()) {
            String id = instance.path("id").asText();
            if (finished.add(id)) {
                Long approved = approvedAt.get(id);
                if (approved != null) {
                    run.stage("approval to end").add(millisSince(approved));
                }
            }
        }
    }

    /**
     * Mails received since the last call. Only their headers are read here; a body is parsed when asked for (the
     * code mails), so that the SMTP side costs the benchmark JVM as little as possible.
     */
    private List<Mail> newMails() {
        return smtp.take().stream().map(Mail::new).toList();
    }

    /** A received mail as sent over SMTP. */
    private static final class Mail {

        private static final Session SESSION = Session.getInstance(new Properties());
        private final String raw;
        private final String subject;

        Mail(String raw) {
            this.raw = raw;
            try {
                String header = new InternetHeaders(stream(raw)).getHeader("Subject", null);
                this.subject = header == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(header));
            } catch (MessagingException | java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException("A received mail could not be read", e);
            }
        }

        String subject() {
            return subject;
        }

        String text() {
            try {
                return ReceivedMail.of(new MimeMessage(SESSION, stream(raw))).text();
            } catch (MessagingException e) {
                throw new IllegalStateException("A received mail could not be read", e);
            }
        }

        private static java.io.InputStream stream(String raw) {
            return new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    // ---- Export: one subject with many records ---------------------------------------------------------------

    private Map<String, Object> runExport() throws Exception {
        seedExportSubject();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        long t0 = System.nanoTime();
        Http.Response accepted = http.post("/api/requests",
                "{\"type\": \"ACCESS\", \"jurisdiction\": \"EU\", \"email\": \"" + EXPORT_SUBJECT
                        + "\", \"fullName\": \"Export Subject\"}", null);
        String reference = accepted.body().path("reference").asText();
        String code = null;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (code == null && System.nanoTime() < deadline) {
            for (Mail mail : newMails()) {
                if (mail.subject().startsWith(reference + ": confirm")) {
                    Matcher matcher = CODE.matcher(mail.text());
                    code = matcher.find() ? matcher.group(1) : null;
                }
            }
            Thread.sleep(100);
        }
        http.post("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}", null);
        long verified = System.nanoTime();
        String taskId = null;
        while (taskId == null && System.nanoTime() < deadline) {
            Http.Response tasks = http.get("/engine-rest/task?processDefinitionKey=DsarProcess&maxResults=10",
                    "officer");
            for (JsonNode task : tasks.body()) {
                taskId = task.path("id").asText();
            }
            Thread.sleep(100);
        }
        long packaged = System.nanoTime();
        sampler.interrupt();
        long size = packageSize();

        Map<String, Object> export = new LinkedHashMap<>();
        export.put("records", exportRecords);
        export.put("lookupAndPackageSeconds", round((packaged - verified) / 1e9));
        export.put("intakeToPackageSeconds", round((packaged - t0) / 1e9));
        export.put("packageBytes", size);
        export.put("heapBeforeMiB", heapBefore / (1 << 20));
        export.put("peakHeapMiB", peak.get() / (1 << 20));
        export.put("peakHeapAboveBeforeMiB", (peak.get() - heapBefore) / (1 << 20));
        return export;
    }

    private long packageSize() throws SQLException {
        try (Connection connection = app.getBean(DataSource.class).getConnection();
                var rs = connection.createStatement().executeQuery("SELECT MAX(size_bytes) FROM access_package")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private void seedExportSubject() throws SQLException {
        try (Connection connection = app.getBean(DataSource.class).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement account = connection.prepareStatement("""
                    INSERT INTO sor.customer_account (id, customer_number, email, full_name, phone, postcode, country,
                        password_hash, created_at) VALUES (900000, 'C-900000', ?, 'Export Subject', '+44 20 7946 0999',
                        'EC1A 1BB', 'GB', 'x', now())""")) {
                account.setString(1, EXPORT_SUBJECT);
                account.executeUpdate();
            }
            int orders = exportRecords / 2;
            try (PreparedStatement order = connection.prepareStatement("""
                    INSERT INTO sor.customer_order (id, order_number, customer_id, ordered_at, total_amount, currency,
                        card_last_four, status) VALUES (?, ?, 900000, ?, ?, 'GBP', '4242', 'DELIVERED')""")) {
                for (int i = 0; i < orders; i++) {
                    order.setLong(1, 1_000_000L + i);
                    order.setString(2, "X-" + i);
                    order.setTimestamp(3, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 600L)));
                    order.setBigDecimal(4, java.math.BigDecimal.valueOf(1000 + i % 9000, 2));
                    order.addBatch();
                    if (i % 5000 == 4999) {
                        order.executeBatch();
                    }
                }
                order.executeBatch();
            }
            try (PreparedStatement enquiry = connection.prepareStatement("""
                    INSERT INTO sor.web_enquiry (id, email, full_name, company, phone, message, submitted_at)
                    VALUES (?, ?, 'Export Subject', 'Export Ltd', NULL, ?, now())""")) {
                for (int i = 0; i < exportRecords - orders - 1; i++) {
                    enquiry.setLong(1, 1_000_000L + i);
                    enquiry.setString(2, EXPORT_SUBJECT);
                    enquiry.setString(3, "Enquiry number " + i + " about the annual support plan and its pricing.");
                    enquiry.addBatch();
                    if (i % 5000 == 4999) {
                        enquiry.executeBatch();
                    }
                }
                enquiry.executeBatch();
            }
            connection.commit();
        }
    }

    // ---- Where the time goes: per step ------------------------------------------------------------------------

    /**
     * Time spent inside each executed step of the run's process instances (and the instances they called), from the
     * engine's history: how often it ran per completed request and how long it took on average, in milliseconds as
     * the history records them. Wait states (the code, the review) and containers (call activities, subprocesses)
     * are left out: their time is waiting or already counted in their steps. What the steps do not account for is the
     * engine's own work around each job (acquiring, locking, loading, committing).
     */
    private List<Map<String, Object>> steps(Run run) throws SQLException {
        List<Map<String, Object>> steps = new ArrayList<>();
        try (Connection connection = app.getBean(DataSource.class).getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT proc_def_key_, act_id_, MAX(act_name_) AS name, COUNT(*) AS runs,
                               SUM(duration_) AS total_ms
                        FROM act_hi_actinst
                        WHERE start_time_ >= ? AND start_time_ <= ? AND end_time_ IS NOT NULL
                          AND act_type_ NOT IN ('userTask', 'intermediateMessageCatch', 'receiveTask',
                              'eventBasedGateway', 'intermediateTimer', 'callActivity', 'subProcess',
                              'multiInstanceBody')
                        GROUP BY proc_def_key_, act_id_
                        ORDER BY SUM(duration_) DESC
                        """)) {
            query.setTimestamp(1, Timestamp.from(run.startedAt));
            query.setTimestamp(2, Timestamp.from(run.endedAt));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> step = new LinkedHashMap<>();
                    long runs = rows.getLong("runs");
                    step.put("process", rows.getString("proc_def_key_"));
                    step.put("step", rows.getString("act_id_"));
                    step.put("name", rows.getString("name"));
                    step.put("runsPerRequest", round(runs / (double) Math.max(1, run.completed)));
                    step.put("meanMillis", round(rows.getLong("total_ms") / (double) runs));
                    step.put("millisPerRequest", round(rows.getLong("total_ms") / (double) Math.max(1, run.completed)));
                    steps.add(step);
                }
            }
        }
        return steps;
    }

    private static void printSteps(String title, List<Map<String, Object>> steps) {
        System.out.println();
        System.out.printf("%-62s %9s %9s %9s%n", title + ": time inside each step", "runs/req", "mean ms", "ms/req");
        double total = steps.stream().mapToDouble(step -> (Double) step.get("millisPerRequest")).sum();
        steps.stream().limit(15).forEach(step -> System.out.printf("%-62s %9.2f %9.2f %9.2f%n",
                step.get("process") + " / " + step.get("step"), step.get("runsPerRequest"), step.get("meanMillis"),
                step.get("millisPerRequest")));
        System.out.printf("%-62s %29.2f%n", "all steps", total);
    }

    // ---- Output ----------------------------------------------------------------------------------------------

    private static void print(Run chain, Run baseline, Run dsar, double ratio, Map<String, Object> export) {
        System.out.println();
        System.out.printf("%-34s %14s %14s %12s%n", "", "linear chain", "same structure", "DSAR");
        System.out.printf("%-34s %14d %14d %12d%n", "requests completed", chain.completed, baseline.completed,
                dsar.completed);
        System.out.printf("%-34s %14.1f %14.1f %12.1f%n", "seconds", chain.seconds(), baseline.seconds(),
                dsar.seconds());
        System.out.printf("%-34s %14.2f %14.2f %12.2f%n", "requests per second", chain.perSecond(),
                baseline.perSecond(), dsar.perSecond());
        System.out.printf("%-34s %14.2f %14.2f%n", "DSAR / baseline throughput", dsar.perSecond() / chain.perSecond(),
                ratio);
        System.out.println();
        System.out.printf("%-44s %10s %10s%n", "stage latency (ms)", "p50", "p95");
        for (Run run : List.of(chain, baseline, dsar)) {
            run.stages.forEach((stage, stats) -> System.out.printf("%-44s %10d %10d%n",
                    (run == chain ? "chain: " : run == baseline ? "structure: " : "dsar: ") + stage,
                    stats.percentile(50), stats.percentile(95)));
        }
        if (export != null) {
            System.out.println();
            System.out.println("export: " + export);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void close() throws IOException, InterruptedException {
        clients.shutdownNow();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        if (app != null) {
            app.close();
        }
        smtp.close();
        postgres.close();
    }

    private static final class Run {
        private final String name;
        private final int requested;
        private final Map<String, Stats> stages = new ConcurrentHashMap<>();
        private long startNanos;
        private long endNanos;
        private Instant startedAt;
        private Instant endedAt;
        private Instant finishedPolledAt;
        private int completed;
        private long failures;

        Run(String name, int requested) {
            this.name = name;
            this.requested = requested;
        }

        Stats stage(String name) {
            return stages.computeIfAbsent(name, n -> new Stats());
        }

        void start() {
            startedAt = Instant.now();
            startNanos = System.nanoTime();
        }

        void stop(int completed) {
            endedAt = Instant.now();
            endNanos = System.nanoTime();
            this.completed = completed;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double perSecond() {
            return completed / seconds();
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("requested", requested);
            map.put("completed", completed);
            map.put("failures", failures);
            map.put("seconds", round(seconds()));
            map.put("requestsPerSecond", round(perSecond()));
            Map<String, Object> latencies = new LinkedHashMap<>();
            stages.forEach((stage, stats) -> latencies.put(stage, stats.summary()));
            map.put("stageLatencies", latencies);
            return map;
        }
    }
}
