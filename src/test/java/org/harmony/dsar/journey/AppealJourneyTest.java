package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
 * Appeals on PostgreSQL and a real SMTP server: a Virginia request denied in review, the appeal link of the denial
 * mail (page and API), the impostor's and the late appeal's refusals, the four-eyes rule, and the decision mail with
 * the reasons and the Attorney General; no appeal where the law gives none or nothing was denied. In the demo, officer2
 * is a compliance officer and an appeal reviewer: the four-eyes rule keeps them from deciding the appeal of their own
 * denial.
 */
class AppealJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldLetTheRequesterAppealAVirginiaDenialAndMailTheDecisionWithTheAttorneyGeneral() {
        String email = demoCustomer(jdbc, "appellant");
        String reference = deniedRequest(email, "US-VA");
        ReceivedMail denial = awaitMail(email, reference + ": we cannot grant your request");
        String appealLink = relative(linkIn(denial, "/appeal"));
        assertThat(denial.text()).contains("we decide on an appeal within 60 days");
        String token = UriComponentsBuilder.fromUriString(appealLink).build().getQueryParams().getFirst("token");

        ResponseEntity<String> page = http.getForEntity(URI.create(appealLink), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("id=\"statement\"").contains("VCDPA").contains(reference);

        String other = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "US-VA", "email": "%s", "fullName": "Someone Else"}
                """.formatted(uniqueEmail("other"))).getBody().get("reference");
        assertThat(appeal(other, token, "{}").getStatusCode()).as("this link does not open another request")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(appeal(reference, "guessed-" + token.substring(8), "{}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(URI.create("/privacy/requests/" + other + "/appeal?token=" + token),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> filed = appeal(reference, token, "{\"statement\": \"I only asked for my own data.\"}");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(filed.getBody()).containsEntry("status", "APPEAL_RECEIVED");
        ResponseEntity<Map> again = appeal(reference, token, "{}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("type", "urn:dsar:problem:already-appealed");
        runDueJobs();

        String taskId = taskId(reference);
        ResponseEntity<String> byDenier = completeAs("officer2", taskId, decision("DENY", "Rights of others."));
        assertThat(byDenier.getStatusCode()).as("the reviewer who denied the request may not decide its appeal")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(byDenier.getBody()).contains("Four-eyes rule: you took part in the decision on this request");
        ResponseEntity<String> decided = completeAs("appeals", taskId,
                decision("DENY", "The data would disclose other customers' orders."));
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        ReceivedMail decisionMail = awaitMail(email, reference + ": our decision on your appeal");
        assertThat(decisionMail.text()).contains("we deny your appeal")
                .contains("The data would disclose other customers' orders.")
                .contains("Virginia Attorney General").contains("online complaint form").contains("oag.state.va.us");
        assertThat(decisionMail.text()).doesNotContain("I only asked for my own data.");
        Map<String, Object> record = jdbc.sql("""
                SELECT a.statement, a.decision, a.decided_by, a.due_at, a.appealed_at FROM appeal a
                JOIN dsar_request r ON r.id = a.request_id WHERE r.reference = :reference""")
                .param("reference", reference).query().singleRow();
        assertThat(record.get("statement")).as("the statement ends with the appeal").isNull();
        assertThat(record).containsEntry("decision", "DENY").containsEntry("decided_by", "appeals");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AppealProcess")
                .processInstanceBusinessKey(reference).count()).isZero();
    }

    @Test
    void shouldRefuseAnAppealAfterTheWindowWhereTheLawGivesNoneAndOfANonDeniedRequest() {
        String email = demoCustomer(jdbc, "late");
        String reference = deniedRequest(email, "US-CO");
        String token = UriComponentsBuilder.fromUriString(relative(linkIn(awaitMail(email,
                reference + ": we cannot grant your request"), "/appeal"))).build().getQueryParams().getFirst("token");
        jdbc.sql("""
                UPDATE appeal SET window_ends_at = CURRENT_TIMESTAMP - INTERVAL '1' DAY WHERE request_id =
                    (SELECT id FROM dsar_request WHERE reference = :reference)""")
                .param("reference", reference).update();
        ResponseEntity<Map> late = appeal(reference, token, "{}");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(late.getBody()).containsEntry("type", "urn:dsar:problem:appeal-window-closed");
        ResponseEntity<String> latePage = http.getForEntity(URI.create("/privacy/requests/" + reference
                + "/appeal?token=" + token), String.class);
        assertThat(latePage.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(latePage.getBody()).contains("data-problem=\"appeal-window-closed\"");

        String european = demoCustomer(jdbc, "european");
        String euReference = deniedRequest(european, "EU");
        ReceivedMail euDenial = awaitMail(european, euReference + ": we cannot grant your request");
        assertThat(euDenial.text()).doesNotContain("/appeal");
        ResponseEntity<Map> noAppeal = appeal(euReference, tokenOf(linkIn(awaitMail(european,
                euReference + ": we have received your request"), "/status")), "{}");
        assertThat(noAppeal.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noAppeal.getBody()).containsEntry("type", "urn:dsar:problem:not-appealable");

        String waiting = uniqueEmail("waiting");
        String openReference = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "US-VA", "email": "%s", "fullName": "Wai Ting"}
                """.formatted(waiting)).getBody().get("reference");
        runDueJobs();
        ResponseEntity<Map> notDenied = appeal(openReference, tokenOf(linkIn(awaitMail(waiting,
                openReference + ": we have received your request"), "/status")), "{}");
        assertThat(notDenied.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notDenied.getBody()).containsEntry("type", "urn:dsar:problem:not-denied");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appeal a JOIN dsar_request r ON r.id = a.request_id "
                + "WHERE r.reference IN (:references) AND a.appealed_at IS NOT NULL")
                .param("references", List.of(reference, euReference, openReference)).query(Integer.class).single())
                .isZero();
    }

    private ResponseEntity<Map> appeal(String reference, String token, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(URI.create("/api/requests/" + reference + "/appeal?token=" + token), HttpMethod.POST,
                new HttpEntity<>(json, headers), Map.class);
    }

    @SuppressWarnings("unchecked")
    private String taskId(String reference) {
        ResponseEntity<List> tasks = http.withBasicAuth("appeals", "appeals").getForEntity(
                "/engine-rest/task?processInstanceBusinessKey=" + reference
                        + "&taskDefinitionKey=UserTask_DecideAppeal", List.class);
        assertThat(tasks.getBody()).hasSize(1);
        return (String) ((Map<String, Object>) tasks.getBody().get(0)).get("id");
    }

    private static String decision(String decision, String reasons) {
        return """
                {"appealDecision": {"value": "%s"}, "appealDecisionReasons": {"value": "%s"}}"""
                .formatted(decision, reasons);
    }

    private static String tokenOf(String link) {
        return UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");
    }
}
