package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * GDPR Art 20(2): a portability request names another controller's address; nothing goes there before the reviewing
 * officer approves the transmission, the approved address receives a link to the requester's very package, a changed
 * address is refused, and the requester is told either way and keeps their own copy.
 */
class PortabilityTransmissionJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldSendTheApprovedDestinationALinkToTheSamePackageAndTellTheRequester() {
        String email = uniqueEmail("porting.customer");
        String controller = uniqueEmail("dpo.newbank");
        customer(email);
        String reference = submitAndVerify(email, portability(email, controller));

        assertThat(jdbc.sql("SELECT transmit_to FROM dsar_request WHERE reference = :ref").param("ref", reference)
                .query(String.class).single()).isEqualTo(controller);
        assertThat(jdbc.sql("SELECT transmit_to_key FROM dsar_request WHERE reference = :ref")
                .param("ref", reference).query(String.class).single()).matches("[0-9a-f]{64}").doesNotContain("dpo");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM act_hi_varinst WHERE text_ LIKE :to OR text2_ LIKE :to")
                .param("to", "%" + controller + "%").query(Integer.class).single())
                .as("the destination is in no process variable, not even the form-only one").isZero();
        String taskId = officerTaskId(reference, "UserTask_ReviewResponse");
        assertThat(formVariable(taskId, "transmissionDestination")).isEqualTo(controller);
        assertThat(mailsTo(controller)).as("nothing before the officer's approval").isEmpty();

        ResponseEntity<String> undecided = completeAs("officer2", taskId, "{\"reviewDecision\": {\"value\": \"APPROVE\"}}");
        assertThat(undecided.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(undecided.getBody()).contains("approve or refuse the transmission");
        runDueJobs();
        assertThat(mailsTo(controller)).isEmpty();

        approve(taskId, "TRANSMIT");
        runDueJobs();

        ReceivedMail toController = awaitMail(controller, reference + ": personal data sent to you");
        assertThat(toController.text()).contains("Article 20(2)").doesNotContain(email);
        String transmitted = relative(linkIn(toController, "/transmitted-package"));
        ResponseEntity<byte[]> theirs = http.getForEntity(transmitted, byte[].class);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.OK);

        ReceivedMail told = awaitMail(email, reference + ": your data was sent to the controller you named");
        assertThat(told.text()).contains(controller);
        ResponseEntity<byte[]> own = http.getForEntity(relative(linkIn(told, "/package")), byte[].class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(theirs.getBody()).as("the same package").isEqualTo(own.getBody());
        awaitMail(email, reference + ": your personal data is ready");

        String token = transmitted.replaceAll(".*token=", "");
        assertThat(http.getForEntity("/api/requests/" + reference + "/status?token=" + token, String.class)
                .getStatusCode()).as("the controller's token opens the package only").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/requests/" + reference + "/package?token=" + token, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(events(reference)).contains("TRANSMISSION_REQUESTED", "TRANSMISSION_APPROVED", "TRANSMISSION_SENT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM act_hi_varinst WHERE text_ LIKE :to OR text2_ LIKE :to")
                .param("to", "%" + controller + "%").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT transmit_to FROM dsar_request WHERE reference = :ref").param("ref", reference)
                .query(String.class).optional()).as("the address goes when the request ends").isEmpty();
    }

    @Test
    void shouldRefuseToSendWhenTheDestinationChangedAfterTheApproval() {
        String email = uniqueEmail("changed.customer");
        String controller = uniqueEmail("dpo.approved");
        String impostor = uniqueEmail("impostor");
        customer(email);
        String reference = submitAndVerify(email, portability(email, controller));

        approve(officerTaskId(reference, "UserTask_ReviewResponse"), "TRANSMIT");
        jdbc.sql("UPDATE dsar_request SET transmit_to = :to WHERE reference = :ref").param("to", impostor)
                .param("ref", reference).update();
        runDueJobs();

        ReceivedMail told = awaitMail(email, reference + ": your data was not sent");
        assertThat(told.text()).contains("changed after our privacy officer approved");
        assertThat(http.getForEntity(relative(linkIn(told, "/package")), byte[].class).getStatusCode())
                .as("the requester keeps their own copy").isEqualTo(HttpStatus.OK);
        assertThat(mailsTo(impostor)).isEmpty();
        assertThat(mailsTo(controller)).isEmpty();
        assertThat(events(reference)).contains("TRANSMISSION_DESTINATION_CHANGED").doesNotContain("TRANSMISSION_SENT");
    }

    @Test
    void shouldTellTheRequesterWhenTheOfficerRefusesTheTransmission() {
        String email = uniqueEmail("refused.customer");
        String controller = uniqueEmail("dpo.refused");
        customer(email);
        String reference = submitAndVerify(email, portability(email, controller));

        approve(officerTaskId(reference, "UserTask_ReviewResponse"), "REFUSE");
        runDueJobs();

        assertThat(awaitMail(email, reference + ": your data was not sent").text())
                .contains("could not confirm that sending your data to this address is safe");
        awaitMail(email, reference + ": your personal data is ready");
        assertThat(mailsTo(controller)).isEmpty();
        assertThat(events(reference)).contains("TRANSMISSION_REFUSED").doesNotContain("TRANSMISSION_SENT");
    }

    @Test
    void shouldRefuseADestinationForOtherTypesAndABadAddress() {
        ResponseEntity<Map> access = submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Not Porting",
                 "transmitTo": "dpo@other.example"}""".formatted(uniqueEmail("access.asker")));
        assertThat(access.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(access.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(String.valueOf(access.getBody())).contains("transmitTo is only for PORTABILITY");

        ResponseEntity<Map> bad = submit(portability(uniqueEmail("bad.asker"), "not-an-address"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(bad.getBody())).contains("transmitTo");

        ResponseEntity<String> page = http.getForEntity("/privacy/request", String.class);
        assertThat(page.getBody()).contains("name=\"transmitTo\"");
        Matcher token = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        String email = uniqueEmail("form.porter");
        ResponseEntity<String> sent = http.exchange("/privacy/request", HttpMethod.POST,
                new HttpEntity<>("formToken=" + token.group(1) + "&type=ERASURE&jurisdiction=EU&fullName=Form+Porter"
                        + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&transmitTo=dpo%40other.example", headers), String.class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sent.getBody()).contains("Only a portability request can be sent to another organisation");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dsar_request WHERE email = :email").param("email", email)
                .query(Integer.class).single()).isZero();
    }

    private static String portability(String email, String transmitTo) {
        return """
                {"type": "PORTABILITY", "jurisdiction": "EU", "email": "%s", "fullName": "Porting Customer",
                 "transmitTo": "%s"}""".formatted(email, transmitTo);
    }

    private void approve(String taskId, String transmission) {
        ResponseEntity<String> approved = completeAs("officer2", taskId, """
                {"reviewDecision": {"value": "APPROVE"}, "transmissionDecision": {"value": "%s"}}"""
                .formatted(transmission));
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @SuppressWarnings("unchecked")
    private String formVariable(String taskId, String name) {
        Map<String, Object> variables = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables", Map.class).getBody();
        return (String) ((Map<String, Object>) variables.get(name)).get("value");
    }

    private List<String> events(String reference) {
        return jdbc.sql("""
                SELECT e.event_type FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :ref""").param("ref", reference).query(String.class).list();
    }

    private void customer(String email) {
        long id = ThreadLocalRandom.current().nextLong(6_000_000_000L, 7_000_000_000L);
        jdbc.sql("""
                INSERT INTO sor.customer_account (id, customer_number, email, full_name, postcode, country,
                    password_hash, created_at)
                VALUES (:id, :number, :email, 'Customer', 'EC1A 1BB', 'GB', 'x', CURRENT_TIMESTAMP)
                """).param("id", id).param("number", "C" + id).param("email", email).update();
    }
}
