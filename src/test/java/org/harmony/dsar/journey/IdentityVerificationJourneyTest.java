package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Identity verification over HTTP on PostgreSQL and a real SMTP server: a CCPA request a compliance officer reviews
 * and asks more for, an agent's request with an uploaded authorisation that is rejected, and the life of codes
 * (locked, resent, expired, limited).
 */
class IdentityVerificationJourneyTest extends JourneyTestSupport {

    /** A demo subject with an account: phone +1 415 555 0134, customer number C-100002 (other tests change his postcode). */
    private static final String LUIS = "luis.garcia@example.net";
    /** A demo subject with an account in France. */
    private static final String MARIE = "marie.dubois@example.fr";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldVerifyACcpaRequestAfterTheOfficerAsksForTheSignedDeclaration() {
        String reference = accept(submit("""
                {"type": "ACCESS", "jurisdiction": "US-CA", "email": "%s", "fullName": "Luis Garcia",
                 "dataPoints": {"phone": "+1 (415) 555-0134", "customerNumber": "c-100002"}}
                """.formatted(LUIS)));
        runDueJobs();

        // Verified by the link in the mail: it carries the code to the confirmation page.
        ReceivedMail codeMail = awaitMail(LUIS, reference + ": confirm your email address");
        String code = queryParam(linkIn(codeMail, "/verify?code="), "code");
        assertThat(code).isEqualTo(codeIn(codeMail));
        assertThat(postJson(verifyPath(reference), "{\"code\": \"" + code + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        runDueJobs();

        // Three data points match, but CCPA specific pieces also need the signed declaration: a person reviews.
        Map<String, Object> task = singleTask(reference, "UserTask_ReviewIdentity");
        String taskId = (String) task.get("id");
        assertThat(task).containsKey("due");
        String formVariables = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables", String.class).getBody();
        assertThat(formVariables)
                .contains("phone: submitted ••••34, on record ••••34 (match)")
                .contains("customerNumber: submitted ••••02, on record ••••02 (match)")
                .contains("Matching: 3 of 3 submitted")
                .contains("Declaration: not signed")
                .doesNotContain("555-0134").doesNotContain("555 0134").doesNotContainIgnoringCase("c-100002")
                .doesNotContain(LUIS);
        assertThat(complete(taskId, "ASK_FOR_MORE", "Please <b>sign</b> the declaration on the page linked below."))
                .isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        ReceivedMail moreMail = awaitMail(LUIS, reference + ": we need a little more to confirm your identity");
        assertThat(moreMail.text()).contains("Please <b>sign</b> the declaration");
        assertThat(moreMail.html()).contains("Please &lt;b&gt;sign&lt;/b&gt; the declaration")
                .doesNotContainIgnoringCase("c-100002").doesNotContain("555-0134").doesNotContain("555 0134");
        String answerLink = relative(linkIn(moreMail, "/information?token="));
        String token = queryParam(answerLink, "token");
        String answerPath = "/api/requests/" + reference + "/identity-information?token=" + token;

        ResponseEntity<Map> notAccepted = postJson(answerPath, "{\"declaration\": {\"signedName\": \"Luis Garcia\", \"accepted\": false}}");
        assertThat(notAccepted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAccepted.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<Map> controlCharacters = postJson(answerPath, "{\"dataPoints\": {\"phone\": \"555\\u0000\"}}");
        assertThat(controlCharacters.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(controlCharacters.getBody().toString()).contains("must not contain control characters");
        assertThat(postJson("/api/requests/" + reference + "/identity-information?token=wrong",
                "{\"declaration\": {\"signedName\": \"Luis Garcia\", \"accepted\": true}}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> answered = postJson(answerPath,
                "{\"declaration\": {\"signedName\": \"Luis Garcia\", \"accepted\": true}}");
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answered.getBody().toString()).doesNotContain("match");
        runDueJobs();

        // The level is now met without another review: the request goes on to fulfilment and its review.
        singleTask(reference, "UserTask_ReviewResponse");
        assertThat(eventsOf(reference)).containsSubsequence("VERIFICATION_STARTED", "EMAIL_VERIFIED",
                "IDENTITY_MATCHED", "IDENTITY_INFORMATION_REQUESTED", "IDENTITY_INFORMATION_RECEIVED",
                "IDENTITY_MATCHED", "IDENTITY_VERIFIED", "LEGAL_HOLD_CHECKED");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM identity_declaration d JOIN dsar_request r ON r.id = d.request_id
                WHERE r.reference = :reference""").param("reference", reference).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableName("identityComparison").list()).as("the masked comparison is not kept").isEmpty();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableName("assuranceSummary").list()).as("other task variables are kept").isNotEmpty();
        assertThat(variablesOf(reference)).noneMatch(value -> value.toLowerCase().contains("c-100002")
                || value.contains("555-0134") || value.contains("555 0134")
                || value.contains(LUIS) || value.contains("Garcia"));
    }

    @Test
    void shouldAnswerWithCategoriesOnlyWhenACcpaRequestForSpecificPiecesIsRejected() throws IOException {
        String reference = accept(submit("""
                {"type": "ACCESS", "jurisdiction": "US-CA", "email": "%s", "fullName": "Luis Garcia",
                 "dataPoints": {"phone": "+1 (415) 555-0134", "customerNumber": "c-100002"}}
                """.formatted(LUIS)));
        runDueJobs();
        ReceivedMail codeMail = awaitMail(LUIS, reference + ": confirm your email address");
        assertThat(postJson(verifyPath(reference), code(codeIn(codeMail))).getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();

        // No signed declaration: specific pieces cannot be disclosed. The officer sees what rejecting means.
        String taskId = (String) singleTask(reference, "UserTask_ReviewIdentity").get("id");
        assertThat(http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables", String.class).getBody())
                .contains("If you reject: with at least 2 matching data point(s) the request is answered with"
                        + " categories of data only, not specific pieces (met now).");
        assertThat(complete(taskId, "REJECT", "No signed declaration.")).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        String reviewId = (String) singleTask(reference, "UserTask_ReviewResponse").get("id");
        assertThat(http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + reviewId + "/form-variables", String.class).getBody())
                .contains("CATEGORIES ONLY");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // Four eyes: the officer who reviewed the identity does not approve the response.
        assertThat(http.withBasicAuth("officer2", "officer2").exchange("/engine-rest/task/" + reviewId + "/complete",
                HttpMethod.POST, new HttpEntity<>("""
                        {"variables": {"reviewDecision": {"value": "APPROVE"},
                         "reviewComment": {"value": "Categories only."}}}""", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        ReceivedMail response = awaitMail(LUIS, reference + ": your personal data is ready");
        assertThat(response.text()).contains("could not verify your identity to the degree the law requires")
                .doesNotContain("JSON and CSV files");
        ResponseEntity<byte[]> download = http.getForEntity(relative(linkIn(response, "/package")), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, String> files = unzip(download.getBody());
        assertThat(files).containsOnlyKeys("report.html", "manifest.json");
        assertThat(files.get("manifest.json")).contains("\"scope\" : \"CATEGORIES\"");
        assertThat(files.get("report.html")).contains("Categories only").contains("Customer account")
                .doesNotContainIgnoringCase("c-100002").doesNotContain("555 0134").doesNotContain("94103");
        assertThat(eventsOf(reference)).containsSubsequence("IDENTITY_MATCHED", "ACCESS_NARROWED_TO_CATEGORIES",
                "IDENTITY_VERIFIED", "PACKAGE_BUILT");
        assertThat(mailsTo(LUIS).stream().map(ReceivedMail::subject))
                .noneMatch(subject -> subject.startsWith(reference) && subject.contains("we could not verify your identity"));
    }

    @Test
    void shouldTellTheAgentWhyWhenTheOfficerRejectsTheAuthorisation() {
        String agent = uniqueEmail("sam.agent");
        String reference = accept(submit("""
                {"type": "ERASURE", "jurisdiction": "US-CA", "email": "%s", "fullName": "Marie Dubois",
                 "agent": {"name": "Sam Agent", "email": "%s", "relationship": "authorised agent"}}
                """.formatted(MARIE, agent)));
        runDueJobs();

        // The subject confirms directly that they authorised the agent.
        ReceivedMail confirmation = awaitMail(MARIE, reference + ": did you ask someone to make a request for you?");
        assertThat(confirmation.text()).contains("Sam Agent has asked us, on your behalf");
        assertThat(postJson(verifyPath(reference), "{\"code\": \"" + codeIn(confirmation) + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        runDueJobs();

        ReceivedMail authorisation = awaitMail(agent, reference + ": please send the authorisation");
        String token = queryParam(linkIn(authorisation, "/information?token="), "token");
        String uploadPath = "/api/requests/" + reference + "/documents?token=" + token;
        assertThat(upload(uploadPath, "text/html", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8))
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(upload(uploadPath, "application/pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8))
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(upload(uploadPath, "application/pdf", new byte[20_000_000]).getStatusCode())
                .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(upload(uploadPath.replace(token, "wrong"), "application/pdf", pdf()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> uploaded = upload(uploadPath, "application/pdf", pdf());
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(uploaded.getBody()).containsEntry("contentType", "application/pdf");
        runDueJobs();

        String taskId = (String) singleTask(reference, "UserTask_ReviewIdentity").get("id");
        String formVariables = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables", String.class).getBody();
        assertThat(formVariables).contains("an agent acting for the subject").contains("Documents: 1")
                .contains("- application/pdf, 1 KiB").contains("Email address confirmed: yes");
        String documentPath = "/api/officer/requests/" + reference + "/documents/" + uploaded.getBody().get("documentId");
        assertThat(formVariables).contains(documentPath);
        assertThat(http.getForEntity(documentPath, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("legal", "legal").getForEntity(documentPath, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<byte[]> document = http.withBasicAuth("officer", "officer").getForEntity(documentPath, byte[].class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getBody()).isEqualTo(pdf());
        assertThat(document.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(complete(taskId, "REJECT", "The authorisation is not signed by the consumer.\n<script>x</script>"))
                .isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        ReceivedMail rejection = awaitMail(agent, reference + ": we could not verify your identity");
        assertThat(rejection.text()).contains("The authorisation is not signed by the consumer.")
                .contains("complain to the California Privacy Protection Agency");
        assertThat(rejection.html()).doesNotContain("<script>x").contains("&lt;script&gt;");
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey("DsarProcess").singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_ClosedUnverified");
        assertThat(mailsTo(MARIE).stream().map(ReceivedMail::subject).filter(s -> s.startsWith(reference)))
                .as("no closed-unverified mail after the reasons were sent")
                .noneMatch(subject -> subject.contains("your request was closed"));
        assertThat(http.withBasicAuth("officer", "officer").getForEntity(documentPath, String.class).getStatusCode())
                .as("the document is erased once verification has ended").isEqualTo(HttpStatus.GONE);
        assertThat(jdbc.sql("SELECT size_bytes FROM verification_document WHERE id = :id")
                .param("id", uploaded.getBody().get("documentId")).query(Long.class).single())
                .as("what the document was stays").isEqualTo((long) pdf().length);
        assertThat(eventsOf(reference)).contains("AUTHORISATION_REQUESTED", "IDENTITY_DOCUMENT_RECEIVED", "IDENTITY_DOCUMENT_VIEWED",
                "IDENTITY_UNVERIFIABLE", "STAGE_CLOSED_UNVERIFIED");
    }

    @Test
    void shouldLockResendExpireAndLimitCodes() {
        String subject = uniqueEmail("codes");
        String reference = accept(submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Codie Codes"}
                """.formatted(subject)));
        runDueJobs();
        String first = codeIn(awaitMail(subject, reference + ": confirm your email address"));
        String wrong = first.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(postJson(verifyPath(reference), code(wrong)).getStatusCode())
                    .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        assertThat(postJson(verifyPath(reference), code(wrong)).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(postJson(verifyPath(reference), code(first)).getStatusCode())
                .as("a locked code stays locked, even when right").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        ResponseEntity<Map> resent = postJson(resendPath(reference), "{}");
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String second = readCode(subject, reference, 2);
        assertThat(postJson(verifyPath(reference), code(first)).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        String third = resendAndReadCode(subject, reference, 3);
        assertThat(postJson(verifyPath(reference), code(second)).getStatusCode())
                .as("a new code invalidates the old").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        jdbc.sql("""
                UPDATE verification_code SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR
                WHERE request_id = (SELECT id FROM dsar_request WHERE reference = :reference)""")
                .param("reference", reference).update();
        assertThat(postJson(verifyPath(reference), code(third)).getStatusCode()).isEqualTo(HttpStatus.GONE);

        resendAndReadCode(subject, reference, 4);
        String fifth = resendAndReadCode(subject, reference, 5);
        ResponseEntity<Map> refused = postJson(resendPath(reference), "{}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<Map> unknown = postJson(resendPath("DSAR-00000-00000"), "{}");
        assertThat(unknown.getStatusCode()).as("an unknown reference looks like any other").isEqualTo(HttpStatus.ACCEPTED);
        assertThat(unknown.getBody().get("message")).isEqualTo(resent.getBody().get("message"));

        assertThat(postJson(verifyPath(reference), code(fifth)).getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        assertThat(eventsOf(reference)).contains("VERIFICATION_CODE_REQUESTED", "VERIFICATION_CODE_REFUSED",
                "IDENTITY_VERIFIED");
    }

    private String resendAndReadCode(String subject, String reference, int expectedCodeMails) {
        assertThat(postJson(resendPath(reference), "{}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return readCode(subject, reference, expectedCodeMails);
    }

    private String readCode(String subject, String reference, int expectedCodeMails) {
        runDueJobs();
        List<ReceivedMail> codeMails = mailsTo(subject).stream()
                .filter(mail -> mail.subject().equals(reference + ": confirm your email address")).toList();
        assertThat(codeMails).hasSize(expectedCodeMails);
        return codeIn(codeMails.get(codeMails.size() - 1));
    }

    private String accept(ResponseEntity<Map> accepted) {
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return (String) accepted.getBody().get("reference");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> singleTask(String reference, String taskDefinitionKey) {
        ResponseEntity<List> tasks = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + reference, List.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> found = tasks.getBody();
        assertThat(found).extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskDefinitionKey);
        return found.get(0);
    }

    private HttpStatus complete(String taskId, String decision, String note) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"variables": {"identityReviewDecision": {"value": "%s"}, "identityReviewNote": {"value": %s}}}
                """.formatted(decision, quoted(note));
        return HttpStatus.valueOf(http.withBasicAuth("officer", "officer").exchange(
                "/engine-rest/task/" + taskId + "/complete", HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class).getStatusCode().value());
    }

    private ResponseEntity<Map> upload(String path, String contentType, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.postForEntity(path, new HttpEntity<>(content, headers), Map.class);
    }

    private List<String> eventsOf(String reference) {
        return jdbc.sql("""
                SELECT e.event_type FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference ORDER BY e.occurred_at""")
                .param("reference", reference).query(String.class).list();
    }

    /** Every value any variable of the request's process instances ever had (history), as text. */
    private List<String> variablesOf(String reference) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .list().stream()
                .flatMap(instance -> engine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId()).list().stream())
                .map(variable -> String.valueOf(variable.getValue()))
                .toList();
    }

    private static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static String code(String code) {
        return "{\"code\": \"" + code + "\"}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String verifyPath(String reference) {
        return "/api/requests/" + reference + "/verification";
    }

    private static String resendPath(String reference) {
        return "/api/requests/" + reference + "/verification/resend";
    }

    private static String queryParam(String link, String name) {
        return UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst(name);
    }
}
