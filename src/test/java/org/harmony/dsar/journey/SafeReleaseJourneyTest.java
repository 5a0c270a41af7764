package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.fulfilment.PackageCleanup;
import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rights request as an attack route (the "GDPArrrrr" study): an impostor who types someone else's identifiers finds
 * and changes nothing of that person; nothing leaves before an officer approved it; nothing of the subject's records
 * is left behind when the request ends. On PostgreSQL and SMTP, through the public API and the engine's REST API.
 */
class SafeReleaseJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PackageCleanup packages;
    @Autowired
    private RequestFiles files;

    @Nested
    class OnlyVerifiedIdentifiersFindData {

        @Test
        void shouldNotPutAnotherPersonsCallRecordingsInAnImpostorsPackage() throws IOException {
            Victim victim = victimWithPhoneOnlyRecordings();
            String impostor = uniqueEmail("impostor");
            String reference = submitAndVerify(impostor, """
                    {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "I. Postor",
                     "dataPoints": {"phone": "%s"}}""".formatted(impostor, victim.phone()));

            assertThat(recordsFound(reference, "call-recordings")).isZero();
            assertThat(identifiers(reference)).containsExactly("email=EMAIL_CONFIRMED");
            approve(officerTaskId(reference, "UserTask_ReviewResponse"));
            runDueJobs();

            ResponseEntity<byte[]> download = http.getForEntity(
                    relative(linkIn(awaitMail(impostor, reference + ": your personal data is ready"), "/package")),
                    byte[].class);
            assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
            String everything = String.join("\n", unzip(download.getBody()).values());
            assertThat(everything).doesNotContain(victim.phone()).doesNotContain(victim.email());
        }

        @Test
        void shouldNotEraseAnotherPersonsCallRecordingsForAnImpostor() {
            Victim victim = victimWithPhoneOnlyRecordings();
            long before = recordingsWithPhone(victim.phone());
            String impostor = uniqueEmail("eraser");
            String reference = submitAndVerify(impostor, """
                    {"type": "ERASURE", "jurisdiction": "EU", "email": "%s", "fullName": "I. Postor",
                     "dataPoints": {"phone": "%s"}}""".formatted(impostor, victim.phone()));

            assertThat(recordsFound(reference, "call-recordings")).isZero();
            approve(officerTaskId(reference, "UserTask_ReviewResponse"));
            runDueJobs();

            assertThat(recordingsWithPhone(victim.phone())).isEqualTo(before).isPositive();
            ReceivedMail response = awaitMail(impostor, reference + ": your request is complete");
            assertThat(response.text()).doesNotContain("Call recordings");
        }

        @Test
        void shouldFindTheRequestersOwnPhoneOnlyRecordingsThroughThePhoneOnTheirAccount() {
            Victim owner = victimWithPhoneOnlyRecordings();
            long expected = jdbc.sql("""
                    SELECT COUNT(*) FROM sor.call_recording
                    WHERE LOWER(caller_email) = LOWER(:email) OR caller_phone = :phone
                    """).param("email", owner.email()).param("phone", owner.phone()).query(Long.class).single();
            // No data point typed: the phone comes from the system of record, tied to the confirmed email.
            String reference = submitAndVerify(owner.email(), """
                    {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Phone Owner"}
                    """.formatted(owner.email()));

            assertThat(recordsFound(reference, "call-recordings")).isEqualTo(expected).isGreaterThan(
                    recordingsWithEmail(owner.email()));
            assertThat(identifiers(reference)).contains("email=EMAIL_CONFIRMED", "phone=SYSTEM_OF_RECORD");
        }

        @Test
        void shouldNotTakeIdentityInformationOnceTheIdentityIsVerified() {
            String email = uniqueEmail("late");
            String reference = submitAndVerify(email, """
                    {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Late Sender"}
                    """.formatted(email));
            String token = tokenOf(awaitMail(email, reference + ": we have received your request"));

            ResponseEntity<Map> late = postJson("/api/requests/" + reference + "/identity-information?token=" + token,
                    "{\"dataPoints\": {\"phone\": \"+44 20 7946 1001\"}}");

            assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(late.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(jdbc.sql("SELECT data_points FROM dsar_request WHERE reference = :reference")
                    .param("reference", reference).query(String.class).optional()).isEmpty();
        }
    }

    @Nested
    class NothingLeavesBeforeApproval {

        @Test
        void shouldNotReleaseThePackageDuringReviewAndStartTheDownloadPeriodWithTheResponse() {
            String email = uniqueEmail("review");
            String reference = submitAndVerify(email, """
                    {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Long Review"}
                    """.formatted(email));
            ReceivedMail acknowledgement = awaitMail(email, reference + ": we have received your request");
            String token = tokenOf(acknowledgement);
            String packagePath = "/api/requests/" + reference + "/package?token=" + token;

            assertThat(status(reference, token)).containsEntry("stage", "IN_REVIEW")
                    .containsEntry("packageAvailable", false);
            ResponseEntity<String> early = http.getForEntity(packagePath, String.class);
            assertThat(early.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(early.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(early.getBody()).contains("package-not-ready").doesNotContain("PK\u0003\u0004"); // a zip's first bytes; a reference may hold "PK"

            // A review longer than the download period: the cleanup must not take the unreleased package.
            jdbc.sql("""
                    UPDATE access_package SET created_at = :longAgo
                    WHERE request_id = (SELECT id FROM dsar_request WHERE reference = :reference)
                    """).param("longAgo", Timestamp.from(Instant.now().minus(Duration.ofDays(40))))
                    .param("reference", reference).update();
            packages.deleteExpired();
            approve(officerTaskId(reference, "UserTask_ReviewResponse"));
            runDueJobs();

            String link = relative(linkIn(awaitMail(email, reference + ": your personal data is ready"), "/package"));
            assertThat(http.getForEntity(link, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity(packagePath, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(status(reference, token)).containsEntry("packageAvailable", true);
        }

        @Test
        void shouldDeleteThePackageWhenTheOfficerDenies() {
            String email = uniqueEmail("denied");
            String reference = submitAndVerify(email, """
                    {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Denied Person"}
                    """.formatted(email));
            String token = tokenOf(awaitMail(email, reference + ": we have received your request"));
            RequestFiles.StoredFile file = packageFile(reference);
            assertThat(files.exists(file.requestId(), file.name())).isTrue();

            assertThat(completeAs("officer2", officerTaskId(reference, "UserTask_ReviewResponse"), """
                    {"reviewDecision": {"value": "DENY"},
                     "denialReason": {"value": "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE"}}""").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();

            assertThat(files.exists(file.requestId(), file.name())).isFalse();
            ResponseEntity<String> download = http.getForEntity(
                    "/api/requests/" + reference + "/package?token=" + token, String.class);
            assertThat(download.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.GONE);
            assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(status(reference, token)).containsEntry("stage", "DENIED")
                    .containsEntry("packageAvailable", false);
        }
    }

    @Nested
    class NothingKeptLongerThanNeeded {

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({
                "ACCESS, APPROVE", "PORTABILITY, APPROVE", "ERASURE, APPROVE", "RECTIFICATION, APPROVE",
                "RESTRICTION, APPROVE", "OBJECTION, APPROVE", "WITHDRAW_CONSENT, APPROVE", "OPT_OUT_OF_SALE, APPROVE",
                "ACCESS, DENY", "ERASURE, DENY", "ACCESS, ABANDON"})
        void shouldLeaveNothingOfTheSubjectsRecordsWhenTheRequestEnds(String type, Ending ending) throws IOException {
            Instant started = Instant.now().minusSeconds(1);
            Victim subject = victimWithPhoneOnlyRecordings();
            String jurisdiction = type.equals("OPT_OUT_OF_SALE") ? "US-CA" : "EU";
            String reference = submitWithoutVerifying("""
                    {"type": "%s", "jurisdiction": "%s", "email": "%s", "fullName": "Retention Test",
                     "dataPoints": {"postcode": "SW1A 1AA"}}""".formatted(type, jurisdiction, subject.email()));
            driveToEnd(reference, subject.email(), ending);
            expireReleasedPackages(reference);

            assertThat(stageOf(reference)).isIn("COMPLETED", "DENIED", "CLOSED_UNVERIFIED");
            assertThat(filesContaining(subject.email(), started)).isEmpty();
            assertThat(filesContaining(subject.phone(), started)).isEmpty();
            // Kept on purpose: the request record; and, when a breach test notified this person, that notice.
            assertThat(columnsContaining(subject.email())).as("kept on purpose: the request record only")
                    .contains("dsar_request.email").isSubsetOf("dsar_request.email", "breach_recipient.email");
            assertThat(columnsContaining(subject.phone())).isEmpty();
            assertThat(columnsContaining("SW1A 1AA")).isEmpty();
        }
    }

    /** How a driven request ends. */
    enum Ending {
        APPROVE, DENY, ABANDON
    }

    // ---- Driving a request ---------------------------------------------------------------------------------

    private String submitWithoutVerifying(String json) {
        ResponseEntity<Map> accepted = submit(json);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return (String) accepted.getBody().get("reference");
    }

    /** Confirms the code (unless abandoning), completes every officer task the request reaches, until it ends. */
    @SuppressWarnings("unchecked")
    private void driveToEnd(String reference, String email, Ending ending) {
        boolean codeEntered = false;
        for (int round = 0; round < 20; round++) {
            runDueJobs();
            if (List.of("COMPLETED", "DENIED", "CLOSED_UNVERIFIED").contains(stageOf(reference))) {
                return;
            }
            if (ending == Ending.ABANDON) {
                abandonVerification(reference);
                continue;
            }
            if (!codeEntered && stageOf(reference).equals("VERIFYING_IDENTITY")) {
                mailsTo(email).stream().filter(mail -> mail.subject().equals(reference + ": confirm your email address"))
                        .findFirst().ifPresent(mail -> assertThat(postJson("/api/requests/" + reference
                                + "/verification", "{\"code\": \"" + codeIn(mail) + "\"}").getStatusCode())
                                .isEqualTo(HttpStatus.OK));
                codeEntered = true;
                continue;
            }
            for (String user : List.of("officer", "legal")) {
                List<Map<String, Object>> tasks = http.withBasicAuth(user, user).getForEntity(
                        "/engine-rest/task?processInstanceBusinessKey=" + reference, List.class).getBody();
                for (Map<String, Object> task : tasks) {
                    completeTask((String) task.get("id"), (String) task.get("taskDefinitionKey"), ending);
                }
            }
        }
        throw new AssertionError("Request " + reference + " did not end; stage " + stageOf(reference));
    }

    private void completeTask(String taskId, String definitionKey, Ending ending) {
        String user = "officer";
        String variables = switch (definitionKey) {
            case "UserTask_ReviewIdentity" -> "{\"identityReviewDecision\": {\"value\": \"VERIFIED\"}}";
            case "UserTask_ReviewCorrections" -> "{\"correctionsDecision\": {\"value\": \"APPLY\"}}";
            case "UserTask_FulfilManually" -> "{\"fulfilmentNote\": {\"value\": \"Done by hand.\"}}";
            case "UserTask_ChooseConsents" -> "{\"consentsToWithdraw\": {\"value\": \"[]\", \"type\": \"Json\"}}";
            case "UserTask_WeighObjection" -> "{\"objectionDecision\": {\"value\": \"STOP_PROCESSING\"}}";
            case "UserTask_LegalReview" -> {
                user = "legal";
                yield "{\"legalReviewDecision\": {\"value\": \"CONFIRM_PARTIAL\"}}";
            }
            case "UserTask_ReviewResponse" -> {
                user = "officer2";
                yield ending == Ending.DENY ? """
                        {"reviewDecision": {"value": "DENY"},
                         "denialReason": {"value": "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE"}}"""
                        : "{\"reviewDecision\": {\"value\": \"APPROVE\"}}";
            }
            default -> throw new AssertionError("No rule for task " + definitionKey);
        };
        ResponseEntity<String> completed = completeAs(user, taskId, variables);
        assertThat(completed.getStatusCode()).as(definitionKey + ": " + completed.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The verification period elapses: its timer fires now. */
    private void abandonVerification(String reference) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .flatMap(instance -> management.createJobQuery().timers().processInstanceId(instance.getId()).list()
                        .stream())
                .filter(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId().equals("BoundaryEvent_VerificationPeriodElapsed"))
                .forEach(job -> management.executeJob(job.getId()));
    }

    private void approve(String taskId) {
        assertThat(completeAs("officer2", taskId, "{\"reviewDecision\": {\"value\": \"APPROVE\"}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The download period of a released package is over and the cleanup ran. */
    private void expireReleasedPackages(String reference) {
        jdbc.sql("""
                UPDATE access_package SET expires_at = :past
                WHERE released_at IS NOT NULL AND request_id = (SELECT id FROM dsar_request WHERE reference = :reference)
                """).param("past", Timestamp.from(Instant.now().minusSeconds(60))).param("reference", reference)
                .update();
        packages.deleteExpired();
    }

    // ---- Looking at what is there --------------------------------------------------------------------------

    /** A generated person of the demo system of record with call recordings under their phone only. */
    private Victim victimWithPhoneOnlyRecordings() {
        return jdbc.sql("""
                SELECT e.email, e.phone FROM sor.web_enquiry e
                WHERE e.email NOT IN ('ada.lovelace@example.org', 'marie.dubois@example.fr')
                  AND EXISTS (SELECT 1 FROM sor.call_recording c WHERE c.caller_phone = e.phone AND c.caller_email IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM dsar_request r WHERE LOWER(r.email) = LOWER(e.email))
                ORDER BY e.email LIMIT 1
                """).query((rs, row) -> new Victim(rs.getString("email"), rs.getString("phone"))).single();
    }

    private record Victim(String email, String phone) {
    }

    private long recordsFound(String reference, String source) {
        return jdbc.sql("""
                SELECT l.record_count FROM lookup_result l JOIN dsar_request r ON r.id = l.request_id
                WHERE r.reference = :reference AND l.source_name = :source
                """).param("reference", reference).param("source", source).query(Long.class).single();
    }

    private List<String> identifiers(String reference) {
        return jdbc.sql("""
                SELECT i.name || '=' || i.basis FROM verified_identifier i JOIN dsar_request r ON r.id = i.request_id
                WHERE r.reference = :reference ORDER BY i.recorded_at, i.name
                """).param("reference", reference).query(String.class).list();
    }

    private long recordingsWithPhone(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM sor.call_recording WHERE caller_phone = :phone").param("phone", phone)
                .query(Long.class).single();
    }

    private long recordingsWithEmail(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM sor.call_recording WHERE LOWER(caller_email) = LOWER(:email)")
                .param("email", email).query(Long.class).single();
    }

    private String stageOf(String reference) {
        return jdbc.sql("SELECT stage FROM dsar_request WHERE reference = :reference").param("reference", reference)
                .query(String.class).single();
    }

    private RequestFiles.StoredFile packageFile(String reference) {
        return jdbc.sql("""
                SELECT p.request_id, p.file_path, p.created_at FROM access_package p
                JOIN dsar_request r ON r.id = p.request_id
                WHERE r.reference = :reference AND p.deleted_at IS NULL
                """).param("reference", reference).query((rs, row) -> new RequestFiles.StoredFile(
                        rs.getString("request_id"), rs.getString("file_path"), rs.getTimestamp("created_at")
                        .toInstant())).single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String reference, String token) {
        return http.getForEntity("/api/requests/" + reference + "/status?token=" + token, Map.class).getBody();
    }

    private static String tokenOf(ReceivedMail mail) {
        String link = linkIn(mail, "/status");
        return link.substring(link.indexOf("token=") + "token=".length()).replaceAll("[&\\s].*", "");
    }

    /** Every project and engine table column (text or binary) holding the value, as table.column. */
    private List<String> columnsContaining(String value) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('character varying', 'text', 'bytea')
                  AND table_name <> 'flyway_schema_history'
                """).query().listOfRows();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String where = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(:value, 'UTF8') in \"" + name + "\") > 0"
                    : "position(LOWER(:value) in LOWER(\"" + name + "\")) > 0";
            long rows = jdbc.sql("SELECT COUNT(*) FROM public.\"" + table + "\" WHERE " + where)
                    .param("value", value).query(Long.class).single();
            if (rows > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    /**
     * Request files (lookup records, packages) stored since {@code since} whose content (or, for a zip, an entry's)
     * holds the value. Older files belong to other tests.
     */
    private List<String> filesContaining(String value, Instant since) throws IOException {
        List<String> found = new ArrayList<>();
        for (RequestFiles.StoredFile file : files.list("")) {
            if (file.createdAt().isBefore(since) || !files.exists(file.requestId(), file.name())) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = files.open(file.requestId(), file.name())) {
                bytes = in.readAllBytes();
            }
            String content = file.name().endsWith(".zip") ? String.join("\n", unzip(bytes).values())
                    : new String(bytes, StandardCharsets.UTF_8);
            if (content.toLowerCase().contains(value.toLowerCase())) {
                found.add(file.requestId() + "/" + file.name());
            }
        }
        return found;
    }
}
