package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.harmony.dsar.retention.RequestRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Requests that arrive by letter, phone or in person, logged by a compliance officer with the start form of
 * LogRequestProcess (submitted over the REST API as Tasklist does).
 */
class LoggedRequestJourneyTest extends JourneyTestSupport {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private RequestRetention retention;

    @Test
    void shouldRefuseADateInTheFutureALateEntryWithoutReasonAndNoWayToAnswer() {
        LocalDate today = LocalDate.now(BRUSSELS);
        ResponseEntity<String> future = logRequest("officer", form("LETTER", today.plusDays(1), null,
                uniqueEmail("future"), null));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody()).contains("cannot be in the future");

        ResponseEntity<String> late = logRequest("officer", form("LETTER", today.minusDays(10), null,
                uniqueEmail("late"), null));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody()).contains("more than 3 days ago");

        ResponseEntity<String> unanswerable = logRequest("officer", form("PHONE", today, null, null, null));
        assertThat(unanswerable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unanswerable.getBody()).contains("email address or a postal address");

        ResponseEntity<String> notCalifornian = logRequest("officer", form("PHONE", today, null,
                uniqueEmail("limit"), null).replace("\"ACCESS\"", "\"LIMIT_SENSITIVE_USE\""));
        assertThat(notCalifornian.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notCalifornian.getBody()).contains("a right under Californian law only");

        assertThat(logRequest("legal", form("LETTER", today, null, uniqueEmail("legal"), null)).getStatusCode())
                .as("only compliance officers log requests").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("LogRequestProcess").count()).isZero();
    }

    @Test
    void shouldRunALetterRequestWithEmailToItsEndWithTheDueDateCountedFromTheDateReceived() {
        String requester = uniqueEmail("letter.writer");
        LocalDate receivedOn = LocalDate.now(BRUSSELS).minusDays(10);
        ResponseEntity<String> logged = logRequest("officer", form("LETTER", receivedOn,
                "The letter was forwarded from another office.", requester, null));
        assertThat(logged.getStatusCode()).as(logged.getBody()).isEqualTo(HttpStatus.OK);

        Map<String, Object> request = jdbc.sql("""
                SELECT reference, channel, received_at, due_at, late_entry_reason FROM dsar_request
                WHERE email = :email""").param("email", requester).query().singleRow();
        String reference = (String) request.get("reference");
        assertThat(request.get("channel")).isEqualTo("LETTER");
        assertThat(((Timestamp) request.get("received_at")).toInstant())
                .isEqualTo(receivedOn.atStartOfDay(BRUSSELS).toInstant());
        assertThat(request.get("late_entry_reason")).isEqualTo("The letter was forwarded from another office.");
        LocalDate due = ((Timestamp) request.get("due_at")).toInstant().atZone(BRUSSELS).toLocalDate();
        assertThat(due).as("one month from the day received, not from today")
                .isBetween(receivedOn.plusMonths(1), receivedOn.plusMonths(1).plusDays(3))
                .isBefore(LocalDate.now(BRUSSELS).plusMonths(1));

        runDueJobs();
        String code = codeIn(awaitMail(requester, reference + ": confirm your email address"));
        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        String reviewId = officerTaskId(reference, "UserTask_ReviewResponse");
        approveAndAssertAnswered(reviewId, reference);
        assertThat(jdbc.sql("""
                SELECT e.detail FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference AND e.event_type = 'RECEIVED'""").param("reference", reference)
                .query(String.class).single()).contains("channel=LETTER");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableNameIn("requesterName", "requesterEmail", "postalAddress", "requestDetails",
                        "lateEntryReason").count())
                .as("the form's personal fields never reach history").isZero();
        assertThat(runtime.createVariableInstanceQuery().variableNameIn("requesterName", "requesterEmail",
                "postalAddress", "requestDetails").count()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunALetterRequestWithoutEmailToItsEndWithLettersToPost() throws Exception {
        String name = "Paul Post " + System.nanoTime();
        LocalDate receivedOn = LocalDate.now(BRUSSELS).minusDays(1);
        ResponseEntity<String> logged = logRequest("officer", form("LETTER", receivedOn, null, null,
                "1 Rue de la Loi\\n1000 Bruxelles").replace("Lena Letter", name));
        assertThat(logged.getStatusCode()).as(logged.getBody()).isEqualTo(HttpStatus.OK);
        String reference = jdbc.sql("SELECT reference FROM dsar_request WHERE full_name = :name").param("name", name)
                .query(String.class).single();
        runDueJobs();

        List<Map<String, Object>> toPost = postTasks(reference);
        assertThat(toPost).hasSize(2);
        String code = null;
        for (Map<String, Object> task : toPost) {
            String taskId = (String) task.get("id");
            Map<String, Map<String, Object>> variables = http.withBasicAuth("officer", "officer")
                    .getForEntity("/engine-rest/task/" + taskId + "/variables", Map.class).getBody();
            String link = (String) variables.get("letterLink").get("value");
            assertThat(http.getForEntity(link, String.class).getStatusCode()).as("officers only")
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<byte[]> pdf = http.withBasicAuth("officer", "officer").getForEntity(link, byte[].class);
            assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            String text = pdfText(pdf.getBody());
            assertThat(text).contains(name).contains("1 Rue de la Loi").contains("1000 Bruxelles").contains(reference);
            if ("verification-code".equals(variables.get("letterTemplate").get("value"))) {
                Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
                assertThat(matcher.find()).as("the code is in the letter").isTrue();
                code = matcher.group(1);
            }
            assertThat(completeAs("officer", taskId, "{\"letterPosted\": {\"value\": \"POSTED\"}}")
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(code).isNotNull();
        assertThat(TestInfrastructure.SMTP.getReceivedMessages()).noneMatch(m -> {
            try {
                return m.getSubject().startsWith(reference);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });

        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("LegalHoldCheckProcess")
                .processInstanceBusinessKey(reference).count()).as("no automatic lookup without an email").isZero();
        assertThat(completeAs("officer", officerTaskId(reference, "UserTask_FulfilWithoutEmail"),
                "{\"fulfilmentNote\": {\"value\": \"CRM and orders checked by hand: no records, no holds.\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        approveAndAssertAnswered(officerTaskId(reference, "UserTask_ReviewResponse"), reference);
        assertThat(postTasks(reference)).as("the response, by post").hasSize(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM postal_letter l JOIN dsar_request r ON r.id = l.request_id
                WHERE r.reference = :reference AND l.pdf IS NOT NULL""").param("reference", reference)
                .query(Integer.class).single()).as("the letters' PDFs end with the request").isZero();
    }

    /** A second officer approves the response; the request ends with the response sent. */
    private void approveAndAssertAnswered(String reviewTaskId, String reference) {
        assertThat(completeAs("officer2", reviewTaskId,
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}, \"reviewComment\": {\"value\": \"Nothing held.\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey("DsarProcess").singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_ResponseSent");
    }

    @Test
    void shouldAttachTheScannedLetterWithinItsLimitsAndDeleteItWithTheRequest() {
        String requester = uniqueEmail("scanned");
        assertThat(logRequest("officer", form("LETTER", LocalDate.now(BRUSSELS), null, requester, null))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> request = jdbc.sql("SELECT id, reference FROM dsar_request WHERE email = :email")
                .param("email", requester).query().singleRow();
        String reference = (String) request.get("reference");
        byte[] pdf = "%PDF-1.4 scanned letter".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        ResponseEntity<Map> attached = upload("officer", reference, "letter.pdf", "application/pdf", pdf, Map.class);
        assertThat(attached.getStatusCode()).as(String.valueOf(attached.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(attached.getBody()).containsEntry("contentType", "application/pdf")
                .containsEntry("sizeBytes", pdf.length).containsEntry("uploadedBy", "officer");
        String scanId = (String) attached.getBody().get("id");
        ResponseEntity<byte[]> opened = http.withBasicAuth("officer", "officer").getForEntity(
                "/api/officer/requests/" + reference + "/letter-scans/" + scanId, byte[].class);
        assertThat(opened.getBody()).isEqualTo(pdf);
        assertThat(opened.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_event WHERE request_id = :id"
                + " AND event_type = 'LETTER_SCAN_ATTACHED'").param("id", request.get("id")).query(Integer.class)
                .single()).isEqualTo(1);

        ResponseEntity<String> disguised = upload("officer", reference, "letter.pdf", "application/pdf",
                new byte[] {0x4D, 0x5A, 1, 2, 3}, String.class);
        assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(disguised.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(upload("officer", reference, "scan.gif", "image/gif", "GIF89a".getBytes(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        byte[] huge = new byte[5_500_000];
        System.arraycopy(pdf, 0, huge, 0, pdf.length);
        ResponseEntity<String> tooLarge = upload("officer", reference, "huge.pdf", "application/pdf", huge,
                String.class);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.getBody()).doesNotContain("Exception");
        assertThat(upload("legal", reference, "letter.pdf", "application/pdf", pdf, String.class).getStatusCode())
                .as("compliance officers only").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("officer", "DSAR-00000-00000", "letter.pdf", "application/pdf", pdf, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM letter_scan WHERE request_id = :id").param("id", request.get("id"))
                .query(Integer.class).single()).as("only the real PDF").isEqualTo(1);

        String caller = uniqueEmail("caller");
        assertThat(logRequest("officer", form("PHONE", LocalDate.now(BRUSSELS), null, caller, null)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String call = jdbc.sql("SELECT reference FROM dsar_request WHERE email = :email").param("email", caller)
                .query(String.class).single();
        assertThat(upload("officer", call, "letter.pdf", "application/pdf", pdf, String.class).getStatusCode())
                .as("a call has no letter").isEqualTo(HttpStatus.CONFLICT);

        retention.requestEnded((String) request.get("id"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM letter_scan WHERE request_id = :id").param("id", request.get("id"))
                .query(Integer.class).single()).as("deleted with the request").isZero();
        assertThat(upload("officer", reference, "letter.pdf", "application/pdf", pdf, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    private <T> ResponseEntity<T> upload(String user, String reference, String fileName, String type, byte[] content,
            Class<T> answer) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(type));
        part.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(content, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/api/officer/requests/" + reference + "/letter-scans",
                new HttpEntity<>(body, headers), answer);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> postTasks(String reference) {
        return http.withBasicAuth("officer", "officer").getForEntity("/engine-rest/task?processInstanceBusinessKey="
                + reference + "&taskDefinitionKey=UserTask_PostLetter", List.class).getBody();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private ResponseEntity<String> logRequest(String user, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity(
                "/engine-rest/process-definition/key/LogRequestProcess/submit-form",
                new HttpEntity<>("{\"variables\": " + variables + "}", headers), String.class);
    }

    private static String form(String channel, LocalDate receivedOn, String lateEntryReason, String email,
            String postalAddress) {
        return """
                {"channel": {"value": "%s"}, "receivedOn": {"value": "%s"}, %s
                 "requestType": {"value": "ACCESS"}, "jurisdiction": {"value": "EU"}, "language": {"value": "en"},
                 "requesterName": {"value": "Lena Letter"}, %s %s
                 "requestDetails": {"value": "Asks for a copy of all data held."}}"""
                .formatted(channel, receivedOn,
                        lateEntryReason == null ? "" : "\"lateEntryReason\": {\"value\": \"" + lateEntryReason + "\"},",
                        email == null ? "" : "\"requesterEmail\": {\"value\": \"" + email + "\"},",
                        postalAddress == null ? "" : "\"postalAddress\": {\"value\": \"" + postalAddress + "\"},");
    }
}
