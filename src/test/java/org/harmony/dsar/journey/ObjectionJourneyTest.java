package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Objections (GDPR Art 21): to direct marketing absolute and automatic; to other processing weighed by a compliance
 * officer, who shows compelling legitimate grounds (the processing continues, the requester reads the grounds and
 * their rights) or finds none (the processing stops).
 */
class ObjectionJourneyTest extends JourneyTestSupport {

    private static final String GERMAN_CODE_MAIL = ": Bitte bestätigen Sie Ihre E-Mail-Adresse";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldStopDirectMarketingWithoutWeighing() {
        String subject = uniqueEmail("marketed");
        jdbc.sql("""
                INSERT INTO sor.newsletter_subscription (id, email, list_name, consent_source, subscribed_at)
                VALUES ((SELECT MAX(id) + 1 FROM sor.newsletter_subscription), :email, 'Offers', 'web form',
                        CURRENT_TIMESTAMP)
                """).param("email", subject).update();
        jdbc.sql("""
                INSERT INTO sor.analytics_cookie (id, email, cookie_id, provider, consent_given, first_seen_at,
                    last_seen_at)
                VALUES ((SELECT MAX(id) + 1 FROM sor.analytics_cookie), :email, 'c-1', 'Analytics', TRUE,
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """).param("email", subject).update();
        String reference = submitAndVerify(subject, """
                {"type": "OBJECTION", "jurisdiction": "EU", "email": "%s", "fullName": "Mia Marketed",
                 "objectsTo": "DIRECT_MARKETING"}
                """.formatted(subject));

        assertThat(openTasks(reference)).containsExactly("UserTask_ReviewResponse");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM sor.newsletter_subscription WHERE email = :email AND unsubscribed_at IS NULL
                """).param("email", subject).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT consent_given FROM sor.analytics_cookie WHERE email = :email")
                .param("email", subject).query(Boolean.class).single())
                .as("an objection to direct marketing stops marketing, not other processing").isTrue();
        assertThat(suppressionScopes(reference))
                .containsExactly("OBJECTION");

        approve(reference);
        assertThat(awaitMail(subject, reference + ": your request is complete").text())
                .contains("Your objection to direct marketing: it is absolute");
    }

    @Test
    void shouldTellTheRequesterTheCompellingGroundsAndTheirRightsWhenProcessingContinues() {
        String subject = uniqueEmail("objector");
        String reference = submitAndVerify(subject, """
                {"type": "OBJECTION", "jurisdiction": "EU", "email": "%s", "fullName": "Olga Objector",
                 "objectsTo": "OTHER_PROCESSING", "details": "Stop analysing my calls: my situation is special.",
                 "language": "de"}
                """.formatted(subject), GERMAN_CODE_MAIL);
        String taskId = officerTaskId(reference, "UserTask_WeighObjection");
        assertThat(http.withBasicAuth("officer", "officer").getForEntity(
                "/api/officer/requests/" + reference + "/case-file", String.class).getBody())
                .contains("Stop analysing my calls: my situation is special.");

        ResponseEntity<String> withoutGrounds = completeAs("officer", taskId,
                "{\"objectionDecision\": {\"value\": \"CONTINUE_PROCESSING\"}}");
        assertThat(withoutGrounds.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutGrounds.getBody()).contains("Name the compelling legitimate grounds");
        assertThat(completeAs("officer", taskId, """
                {"objectionDecision": {"value": "CONTINUE_PROCESSING"},
                 "compellingGrounds": {"value": "Wir brauchen die Aufzeichnungen zur Abwehr laufender Betrugsfälle."}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(jdbc.sql("""
                SELECT o.decision FROM request_objection o JOIN dsar_request r ON r.id = o.request_id
                WHERE r.reference = :reference""").param("reference", reference).query(String.class).single())
                .isEqualTo("CONTINUE_PROCESSING");
        assertThat(suppressionScopes(reference)).isEmpty();
        approve(reference);
        ReceivedMail response = awaitMail(subject, reference + ": Ihre Anfrage ist erledigt");
        assertThat(response.text()).contains("Zwingende schutzwürdige Gründe überwiegen")
                .contains("Wir brauchen die Aufzeichnungen zur Abwehr laufender Betrugsfälle.")
                .contains("Aufsichtsbehörde");
    }

    @Test
    void shouldStopTheProcessingWhenTheOfficerFindsNoCompellingGrounds() {
        String subject = uniqueEmail("objector");
        String reference = submitAndVerify(subject, """
                {"type": "OBJECTION", "jurisdiction": "EU", "email": "%s", "fullName": "Otto Objector",
                 "details": "I object to the analysis of my website visits."}
                """.formatted(subject));

        assertThat(completeAs("officer", officerTaskId(reference, "UserTask_WeighObjection"),
                "{\"objectionDecision\": {\"value\": \"STOP_PROCESSING\"}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(suppressionScopes(reference))
                .containsExactly("OBJECTION");
        approve(reference);
        assertThat(awaitMail(subject, reference + ": your request is complete").text())
                .contains("found no compelling legitimate grounds").contains("we have stopped the processing");
    }

    private List<String> suppressionScopes(String reference) {
        return jdbc.sql("""
                SELECT s.scope FROM suppression_entry s JOIN dsar_request r ON r.id = s.request_id
                WHERE r.reference = :reference""").param("reference", reference).query(String.class).list();
    }

    @SuppressWarnings("unchecked")
    private List<String> openTasks(String reference) {
        List<java.util.Map<String, Object>> tasks = http.withBasicAuth("officer", "officer").getForEntity(
                "/engine-rest/task?processInstanceBusinessKey=" + reference, List.class).getBody();
        return tasks.stream().map(task -> (String) task.get("taskDefinitionKey")).toList();
    }

    /** A second officer approves (four-eyes rule), and the response goes out. */
    private void approve(String reference) {
        assertThat(completeAs("officer2", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
    }
}
