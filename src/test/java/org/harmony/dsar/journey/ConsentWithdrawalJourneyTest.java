package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Withdrawal of one consent, not all: the requester names it with the request, or a compliance officer chooses from
 * the consents found for the subject; the other consents stay given and the response names the one withdrawn.
 */
class ConsentWithdrawalJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldWithdrawOnlyTheNamedConsentAndSayWhich() {
        String subject = uniqueEmail("subscriber");
        subscribe(subject, "Product news");
        subscribe(subject, "Offers");

        String reference = submitAndVerify(subject, """
                {"type": "WITHDRAW_CONSENT", "jurisdiction": "EU", "email": "%s", "fullName": "Sam Subscriber",
                 "consents": ["newsletter-offers"]}
                """.formatted(subject));

        assertThat(active(subject, "Offers")).isZero();
        assertThat(active(subject, "Product news")).as("the consent not named stays given").isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT c.consent_name, c.named_by, c.records FROM request_consent c
                JOIN dsar_request r ON r.id = c.request_id WHERE r.reference = :reference
                """).param("reference", reference).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/"
                + rs.getInt(3)).list()).containsExactly("newsletter-offers/REQUESTER/1");

        approve(officerTaskId(reference, "UserTask_ReviewResponse"));
        runDueJobs();
        assertThat(awaitMail(subject, reference + ": your request is complete").text())
                .contains("Consent withdrawn: Offers newsletter (emailing you our offers and discounts), 1 record")
                .doesNotContain("Product news");
    }

    @Test
    void shouldLetAnOfficerChooseFromTheConsentsFoundWhenTheRequestNamesNone() {
        String subject = uniqueEmail("subscriber");
        subscribe(subject, "Product news");
        String reference = submitAndVerify(subject, """
                {"type": "WITHDRAW_CONSENT", "jurisdiction": "EU", "email": "%s", "fullName": "Sam Subscriber",
                 "details": "Please stop the product emails."}
                """.formatted(subject));
        assertThat(active(subject, "Product news")).isEqualTo(1);

        String taskId = officerTaskId(reference, "UserTask_ChooseConsents");
        SpinJsonNode choices = (SpinJsonNode) engine.getTaskService().getVariableLocal(taskId, "consentChoices");
        List<String> offered = choices.elements().stream().map(c -> c.prop("value").stringValue()).toList();
        assertThat(offered).containsExactly("newsletter-product-news");
        assertThat(choices.toString()).doesNotContain(subject).doesNotContain("Sam");

        ResponseEntity<String> refused = completeAs("officer", taskId,
                "{\"consentsToWithdraw\": {\"value\": \"[\\\"newsletter-offers\\\"]\", \"type\": \"Json\"}}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Not among the consents found for the subject: newsletter-offers");
        assertThat(completeAs("officer", taskId,
                "{\"consentsToWithdraw\": {\"value\": \"[\\\"newsletter-product-news\\\"]\", \"type\": \"Json\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(active(subject, "Product news")).isZero();
        assertThat(jdbc.sql("""
                SELECT c.named_by FROM request_consent c JOIN dsar_request r ON r.id = c.request_id
                WHERE r.reference = :reference AND c.consent_name = 'newsletter-product-news'
                """).param("reference", reference).query(String.class).list()).containsExactly("OFFICER");
        approve(officerTaskId(reference, "UserTask_ReviewResponse"));
        runDueJobs();
        assertThat(awaitMail(subject, reference + ": your request is complete").text())
                .contains("Consent withdrawn: Product news newsletter");
    }

    @Test
    void shouldRefuseAConsentTheCompanyDoesNotAskFor() {
        ResponseEntity<Map> refused = submit("""
                {"type": "WITHDRAW_CONSENT", "jurisdiction": "EU", "email": "%s", "fullName": "Someone",
                 "consents": ["newsletter-offers", "everything"]}
                """.formatted(uniqueEmail("someone")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).asList().singleElement()
                .satisfies(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("consents"));
    }

    private void subscribe(String email, String list) {
        jdbc.sql("""
                INSERT INTO sor.newsletter_subscription (id, email, list_name, consent_source, subscribed_at)
                VALUES ((SELECT MAX(id) + 1 FROM sor.newsletter_subscription), :email, :list, 'web form', CURRENT_TIMESTAMP)
                """).param("email", email).param("list", list).update();
    }

    private int active(String email, String list) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sor.newsletter_subscription
                WHERE email = :email AND list_name = :list AND unsubscribed_at IS NULL
                """).param("email", email).param("list", list).query(Integer.class).single();
    }

    /** Under the four-eyes rule, a second officer approves. */
    private void approve(String taskId) {
        assertThat(completeAs("officer2", taskId, "{\"reviewDecision\": {\"value\": \"APPROVE\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
