package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lifting a restriction (GDPR Art 18(3)) as a step of its own: an officer starts it, decides it with a reason, the
 * requester is told before the lift, and the flags are reset only when the notice period is over, with evidence.
 */
class RestrictionLiftJourneyTest extends JourneyTestSupport {

    private static final String GERMAN_CODE_MAIL = ": Bitte bestätigen Sie Ihre E-Mail-Adresse";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldTellTheRequesterBeforeLiftingAndLiftOnlyAfterTheNoticePeriod() {
        String subject = uniqueEmail("restricted");
        jdbc.sql("""
                INSERT INTO sor.customer_account (id, customer_number, email, full_name, country, password_hash,
                    created_at)
                VALUES ((SELECT MAX(id) + 1 FROM sor.customer_account), :number, :email, 'Rita Restricted', 'DE',
                    'x', CURRENT_TIMESTAMP)
                """).param("number", "R-" + (System.nanoTime() % 100_000_000)).param("email", subject).update();
        String reference = submitAndVerify(subject, """
                {"type": "RESTRICTION", "jurisdiction": "EU", "email": "%s", "fullName": "Rita Restricted",
                 "language": "de"}""".formatted(subject), GERMAN_CODE_MAIL);
        assertThat(restricted(subject)).isTrue();

        assertThat(startLift("officer", reference).getStatusCode()).as("not before the restriction is in force")
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(startLift("officer", reference).getStatusCode()).as("one lift at a time")
                .isEqualTo(HttpStatus.CONFLICT);
        String taskId = officerTaskId(reference, "UserTask_LiftRestriction");

        ResponseEntity<String> withoutReason = completeAs("officer", taskId, "{\"liftDecision\": {\"value\": \"LIFT\"}}");
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutReason.getBody()).contains("Name why the restriction is lifted");
        assertThat(completeAs("officer", taskId, """
                {"liftDecision": {"value": "LIFT"}, "liftReason": {"value": "RESTRICTION-ACCURACY-VERIFIED"}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        ReceivedMail notice = awaitMail(subject, reference + ": Wir heben die Einschränkung Ihrer Daten auf");
        assertThat(notice.text()).contains("frühestens am").contains("Richtigkeit der von Ihnen bestrittenen Daten");
        assertThat(restricted(subject)).as("told first: still restricted").isTrue();

        String liftInstance = runtime.createProcessInstanceQuery().processDefinitionKey("RestrictionLiftProcess")
                .processInstanceBusinessKey(reference).singleResult().getId();
        Job timer = management.createJobQuery().timers().processInstanceId(liftInstance).singleResult();
        assertThat(timer.getDuedate()).isInTheFuture();
        management.executeJob(timer.getId());
        runDueJobs();

        assertThat(restricted(subject)).isFalse();
        Map<String, Object> evidence = jdbc.sql("""
                SELECT l.decision, l.reason_code, l.decided_by, l.lifted_at, l.lifted, s.lifted_at AS entry_lifted
                FROM restriction_lift l JOIN dsar_request r ON r.id = l.request_id
                JOIN suppression_entry s ON s.request_id = r.id AND s.scope = 'RESTRICTION'
                WHERE r.reference = :reference""").param("reference", reference).query().singleRow();
        assertThat(evidence).containsEntry("decision", "LIFT").containsEntry("reason_code",
                "RESTRICTION-ACCURACY-VERIFIED").containsEntry("decided_by", "officer");
        assertThat(evidence.get("lifted_at")).isNotNull();
        assertThat(evidence.get("entry_lifted")).isNotNull();
        assertThat((String) evidence.get("lifted")).contains("Customer account: processing_restricted reset on 1 record");
        assertThat(startLift("officer", reference).getStatusCode()).as("lifted already")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void shouldLetOnlyComplianceOfficersStartALiftOfARestrictionInForce() {
        assertThat(startLift("legal", "DSAR-00000-00000").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> unknown = startLift("officer", "DSAR-00000-00000");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        String subject = uniqueEmail("access");
        String access = submitAndVerify(subject, """
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Alex Access"}""".formatted(subject));
        ResponseEntity<String> notRestriction = startLift("officer", access);
        assertThat(notRestriction.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notRestriction.getBody()).contains("is no restriction in force");
    }

    private ResponseEntity<String> startLift(String user, String reference) {
        return http.withBasicAuth(user, user).postForEntity("/api/officer/requests/" + reference + "/restriction-lift",
                HttpEntity.EMPTY, String.class);
    }

    private boolean restricted(String email) {
        return jdbc.sql("SELECT processing_restricted FROM sor.customer_account WHERE email = :email")
                .param("email", email).query(Boolean.class).single();
    }
}
