package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opt-out of sale and rectification for a demo customer: the suppression register and the flag fields, the
 * corrections shown to a compliance officer next to the current values and applied after approval, and responses
 * that say what changed.
 */
class RightsJourneyTest extends JourneyTestSupport {

    private static final String SUBJECT = "luis.garcia@example.net";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldRecordAnOptOutAndSetTheSourcesFlags() {
        // CCPA: an opt-out of sale needs no verification (VerificationLevel.dmn), so no code is sent.
        ResponseEntity<Map> accepted = submit("""
                {"type": "OPT_OUT_OF_SALE", "jurisdiction": "US-CA", "email": "%s", "fullName": "Luis Garcia"}
                """.formatted(SUBJECT));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        assertThat(mailsTo(SUBJECT)).noneMatch(mail -> mail.subject().equals(reference + ": confirm your email address"));

        assertThat(jdbc.sql("SELECT do_not_sell FROM sor.customer_account WHERE email = :email")
                .param("email", SUBJECT).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                SELECT s.scope FROM suppression_entry s JOIN dsar_request r ON r.id = s.request_id
                WHERE r.reference = :reference
                """).param("reference", reference).query(String.class).list()).containsExactly("OPT_OUT_OF_SALE");

        approve(officerTaskId(reference));
        runDueJobs();
        ReceivedMail response = awaitMail(SUBJECT, reference + ": your request is complete");
        assertThat(response.text()).contains("Recorded in our suppression register")
                .contains("Updated: Customer account: do_not_sell updated on 1 record");
    }

    @Test
    void shouldLimitTheUseOfSensitiveInformationInTheAccountAndTheOrdersWithoutVerification() {
        // CCPA 1798.121: no verification (VerificationLevel.dmn), 15 business days (ResponseDeadline.dmn).
        ResponseEntity<Map> accepted = submit("""
                {"type": "LIMIT_SENSITIVE_USE", "jurisdiction": "US-CA", "email": "%s", "fullName": "Luis Garcia"}
                """.formatted(SUBJECT));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        assertThat(mailsTo(SUBJECT)).noneMatch(mail -> mail.subject().equals(reference
                + ": confirm your email address"));

        assertThat(jdbc.sql("SELECT sensitive_use_limited FROM sor.customer_account WHERE email = :email")
                .param("email", SUBJECT).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM sor.customer_order o JOIN sor.customer_account a ON a.id = o.customer_id
                WHERE a.email = :email AND NOT o.card_use_limited""").param("email", SUBJECT)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT do_not_sell FROM sor.customer_account WHERE email = 'ada.lovelace@example.org'")
                .query(Boolean.class).single()).as("another customer's flags are untouched").isFalse();
        assertThat(jdbc.sql("""
                SELECT s.scope FROM suppression_entry s JOIN dsar_request r ON r.id = s.request_id
                WHERE r.reference = :reference
                """).param("reference", reference).query(String.class).list()).containsExactly("LIMIT_SENSITIVE_USE");

        approve(officerTaskId(reference));
        runDueJobs();
        ReceivedMail response = awaitMail(SUBJECT,
                reference + ": we limit the use of your sensitive personal information");
        assertThat(response.text()).contains("California Civil Code 1798.121")
                .contains("Updated: Customer account: sensitive_use_limited updated on 1 record")
                .contains("Updated: Orders and payments: card_use_limited updated on");
    }

    @Test
    void shouldRefuseTheLimitOnSensitiveInformationOutsideCaliforniaWithAProblem() {
        ResponseEntity<Map> refused = submit("""
                {"type": "LIMIT_SENSITIVE_USE", "jurisdiction": "US-VA", "email": "%s", "fullName": "Luis Garcia"}
                """.formatted(SUBJECT));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail")).asString().contains("US-CA only");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dsar_request WHERE request_type = 'LIMIT_SENSITIVE_USE' "
                + "AND jurisdiction = 'US-VA'").query(Integer.class).single()).isZero();
    }

    @Test
    void shouldShowCorrectionsNextToCurrentValuesAndApplyThemWhenApproved() {
        String reference = submitAndVerify("""
                {"type": "RECTIFICATION", "jurisdiction": "US-CA", "email": "%s", "fullName": "Luis Garcia",
                 "details": "I moved.", "dataPoints": {"postcode": "94110"}}
                """.formatted(SUBJECT));
        // CCPA correction: 2 matching data points, but the only one given is the field being corrected, so a
        // compliance officer verifies the identity (VerificationLevel.dmn, Review identity).
        complete(officerTaskId(reference, "UserTask_ReviewIdentity"), """
                {"identityReviewDecision": {"value": "VERIFIED"},
                 "identityReviewNote": {"value": "Name and email confirmed; the postcode is the field corrected."}}""");
        runDueJobs();

        String taskId = officerTaskId(reference, "UserTask_ReviewCorrections");
        String path = "/api/officer/requests/" + reference + "/corrections";
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("legal", "legal").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<List> corrections = http.withBasicAuth("officer", "officer").getForEntity(path, List.class);
        assertThat(corrections.getBody()).singleElement().isEqualTo(Map.of("sourceName", "customer-accounts",
                "fieldName", "postcode", "currentValue", "94103", "requestedValue", "94110", "applied", false));

        complete(taskId, "{\"correctionsDecision\": {\"value\": \"APPLY\"}}");
        runDueJobs();

        assertThat(jdbc.sql("SELECT postcode FROM sor.customer_account WHERE email = :email")
                .param("email", SUBJECT).query(String.class).single()).isEqualTo("94110");
        // Four-eyes: the officer who reviewed the corrections cannot also approve the response.
        ResponseEntity<String> refused = completeAs("officer", officerTaskId(reference),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("Four-eyes rule");
        approve(officerTaskId(reference));
        runDueJobs();
        assertThat(awaitMail(SUBJECT, reference + ": your request is complete").text())
                .contains("Corrected: Customer account, postcode (1 record)");
    }

    private String submitAndVerify(String json) {
        return submitAndVerify(SUBJECT, json);
    }

    private String officerTaskId(String reference) {
        return officerTaskId(reference, "UserTask_ReviewResponse");
    }

    /** Approves as a second officer: under the four-eyes rule, whoever prepared the case cannot approve it. */
    private void approve(String taskId) {
        assertThat(completeAs("officer2", taskId, "{\"reviewDecision\": {\"value\": \"APPROVE\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void complete(String taskId, String variables) {
        assertThat(completeAs("officer", taskId, variables).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
