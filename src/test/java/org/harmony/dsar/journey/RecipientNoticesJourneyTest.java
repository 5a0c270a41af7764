package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * GDPR Art 19: the recipients of a source are told of a correction and of a restriction there, as of an erasure,
 * and the response names them when the requester asked who received their data (in the requester's language).
 */
class RecipientNoticesJourneyTest extends JourneyTestSupport {

    private static final String HOSTING = "dpa@hosting.example";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldTellTheRecipientsOfACorrectionAndNameThemInTheResponseWhenAsked() {
        String email = uniqueEmail("correcting.customer");
        customer(email);

        String reference = submitAndVerify(email, """
                {"type": "RECTIFICATION", "jurisdiction": "EU", "email": "%s", "fullName": "Corrected Customer",
                 "dataPoints": {"postcode": "SW1A 2AA"}, "nameRecipients": true}
                """.formatted(email));
        complete("officer", officerTaskId(reference, "UserTask_ReviewCorrections"),
                "{\"correctionsDecision\": {\"value\": \"APPLY\"}}");
        runDueJobs();

        ReceivedMail notice = awaitMail(HOSTING, reference + ": correction request");
        assertThat(notice.text()).contains(email).contains("postcode: SW1A 2AA").contains("Article 19");
        complete("officer2", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}");
        runDueJobs();
        assertThat(awaitMail(email, reference + ": your request is complete").text())
                .contains("Who received your data")
                .contains("our hosting provider (Customer account): we told them of the change");
    }

    @Test
    void shouldTellTheRecipientsOfARestrictionAndNameThemInGermanWhenAsked() {
        String email = uniqueEmail("restricting.customer");
        customer(email);

        ResponseEntity<Map> accepted = submit("""
                {"type": "RESTRICTION", "jurisdiction": "EU", "email": "%s", "fullName": "Eingeschränkte Kundin",
                 "language": "de", "nameRecipients": true}
                """.formatted(email));
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        String code = codeIn(awaitMail(email, reference + ": Bitte bestätigen Sie Ihre E-Mail-Adresse"));
        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();

        assertThat(awaitMail(HOSTING, reference + ": restriction request").text()).contains(email)
                .contains("restrict the processing");
        complete("officer", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}");
        runDueJobs();
        assertThat(awaitMail(email, reference + ": Ihre Anfrage ist erledigt").text())
                .contains("Wer Ihre Daten erhalten hat")
                .contains("our hosting provider (Customer account): wir haben ihn über die Änderung informiert");
    }

    @Test
    void shouldNotNameRecipientsWhenTheRequesterDidNotAsk() {
        String email = uniqueEmail("quiet.customer");
        customer(email);

        String reference = submitAndVerify(email, """
                {"type": "RESTRICTION", "jurisdiction": "EU", "email": "%s", "fullName": "Quiet Customer"}
                """.formatted(email));

        assertThat(awaitMail(HOSTING, reference + ": restriction request").text()).contains(email);
        complete("officer", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}");
        runDueJobs();
        assertThat(awaitMail(email, reference + ": your request is complete").text())
                .doesNotContain("Who received your data").doesNotContain("hosting provider");
    }

    @Test
    void shouldRecordTheQuestionWhoReceivedMyDataFromThePrivacyCenterForm() {
        ResponseEntity<String> page = http.getForEntity("/privacy/request", String.class);
        assertThat(page.getBody()).contains("name=\"nameRecipients\"").contains("Tell me who received my data");
        Matcher token = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"")
                .matcher(page.getBody());
        assertThat(token.find()).isTrue();
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String email = uniqueEmail("form.asker");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> sent = http.exchange("/privacy/request", HttpMethod.POST,
                new HttpEntity<>("formToken=" + token.group(1)
                        + "&type=ERASURE&jurisdiction=EU&fullName=Form+Asker&email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&nameRecipients=true", headers), String.class);

        assertThat(sent.getStatusCode()).as("accepted, not shown again with errors: " + sent.getBody())
                .isNotEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.sql("SELECT recipients_requested FROM dsar_request WHERE email = :email")
                .param("email", email).query(Boolean.class).single()).isTrue();
    }

    private void customer(String email) {
        long id = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
        jdbc.sql("""
                INSERT INTO sor.customer_account (id, customer_number, email, full_name, postcode, country,
                    password_hash, created_at)
                VALUES (:id, :number, :email, 'Customer', 'EC1A 1BB', 'GB', 'x', CURRENT_TIMESTAMP)
                """).param("id", id).param("number", "C" + id).param("email", email).update();
    }

    private void complete(String user, String taskId, String variables) {
        assertThat(completeAs(user, taskId, variables).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
