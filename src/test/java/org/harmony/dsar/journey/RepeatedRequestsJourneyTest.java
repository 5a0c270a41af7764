package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same request again: a flood of identical ones is one case; a repeat of an open one is linked for review. */
class RepeatedRequestsJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldMakeOneCaseOfAFloodOfIdenticalRequests() {
        String victim = uniqueEmail("flooded");
        String body = """
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Flo Oded"}""".formatted(victim);
        ResponseEntity<Map> first = submit(body);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String reference = (String) first.getBody().get("reference");
        Set<String> answered = new HashSet<>();
        for (int i = 1; i < 25; i++) {
            ResponseEntity<Map> again = submit(body);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(again.getBody()).as("shaped like any acceptance").containsOnlyKeys(first.getBody().keySet())
                    .containsEntry("status", "RECEIVED").containsEntry("dueDate", first.getBody().get("dueDate"));
            answered.add((String) again.getBody().get("reference"));
        }
        runDueJobs();

        assertThat(answered).as("a fresh reference each time, never the open request's").hasSize(24)
                .doesNotContain(reference).allMatch(answer -> answer.matches("DSAR-[0-9A-Z]{5}-[0-9A-Z]{5}"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dsar_request WHERE email = :email").param("email", victim)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DsarProcess")
                .processInstanceBusinessKey(reference).count()).isEqualTo(1);
        awaitMail(victim, reference + ": confirm your email address");
        assertThat(mailsTo(victim)).as("one acknowledgement and one code, not 25 of each").hasSize(2);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference AND e.event_type = 'REPEATED_SUBMISSION'""")
                .param("reference", reference).query(Integer.class).single()).isEqualTo(24);
    }

    @Test
    void shouldNotTellAnImpostorWhoSendsTheSameFormTheVictimsReference() {
        String victim = uniqueEmail("victim");
        String body = """
                {"type": "ERASURE", "jurisdiction": "UK", "email": "%s", "fullName": "Vic Tim"}""".formatted(victim);
        String reference = (String) submit(body).getBody().get("reference");
        runDueJobs();

        ResponseEntity<Map> impostor = submit(body);
        assertThat(impostor.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(impostor.getBody()).containsEntry("status", "RECEIVED");
        assertThat(impostor.getBody().toString()).doesNotContain(reference).doesNotContain(victim);
        String decoy = (String) impostor.getBody().get("reference");
        assertThat(postJson("/api/requests/" + decoy + "/verification", "{\"code\": \"000000\"}")
                .getStatusCode()).as("the answer's reference opens nothing, like a wrong code")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(mailsTo(victim)).as("no mail for the repeat").hasSize(2);
    }

    @Test
    void shouldLinkARepeatOfAnOpenRequestAndLetTheReviewerMergeIt() {
        String requester = uniqueEmail("repeater");
        String body = """
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Rea Peater"}""".formatted(requester);
        String first = submitAndVerify(requester, body);
        String second = submitAndVerify(requester, body);
        assertThat(second).as("a repeat after verification is a request of its own").isNotEqualTo(first);

        String reviewId = officerTaskId(second, "UserTask_ReviewResponse");
        Map<String, Object> linked = (Map<String, Object>) http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + reviewId + "/variables/linkedRequests", Map.class).getBody();
        assertThat((String) linked.get("value")).contains(first).contains("deny this one as a duplicate");
        String firstReviewId = officerTaskId(first, "UserTask_ReviewResponse");
        assertThat((String) ((Map<String, Object>) http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + firstReviewId + "/variables/linkedRequests", Map.class)
                .getBody()).get("value")).as("the earlier request links to nothing").isEqualTo("none");

        ResponseEntity<String> merged = completeAs("officer", reviewId, """
                {"reviewDecision": {"value": "DENY"}, "denialReason": {"value": "DUPLICATE_OF_OPEN_REQUEST"},
                 "reviewComment": {"value": "Same as the earlier request."}}""");
        assertThat(merged.getStatusCode()).as(merged.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        ReceivedMail denial = mailsTo(requester).stream().filter(mail -> mail.subject().startsWith(second))
                .filter(mail -> mail.text().contains("Why:")).findFirst().orElseThrow();
        assertThat(denial.text()).contains("you made the same request again").contains("Your rights:");
        assertThat(jdbc.sql("SELECT stage FROM dsar_request WHERE reference = :reference").param("reference", second)
                .query(String.class).single()).isEqualTo("DENIED");
        assertThat(jdbc.sql("SELECT stage FROM dsar_request WHERE reference = :reference").param("reference", first)
                .query(String.class).single()).isEqualTo("IN_REVIEW");
    }
}
