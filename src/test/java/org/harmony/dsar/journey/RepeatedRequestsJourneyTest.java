package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.lookup.VerifiedIdentifiers;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.harmony.dsar.request.RepeatedRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same request again: a flood of identical ones is one case; a repeat of an open one is linked for review. */
@SuppressWarnings("unchecked")
class RepeatedRequestsJourneyTest extends JourneyTestSupport {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private VerifiedIdentifiers identifiers;
    @Autowired
    private RepeatedRequests repeats;
    @Autowired
    private KeyedHash keyedHash;

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
        ResponseEntity<String> receivedPage = http.getForEntity("/privacy/request/received?reference=" + decoy
                + "&receipt=" + receipt(decoy), String.class);
        assertThat(receivedPage.getStatusCode()).as("the privacy center shows the answer like any other")
                .isEqualTo(HttpStatus.OK);
        assertThat(receivedPage.getBody()).contains(decoy).doesNotContain(reference);
        assertThat(http.getForEntity("/privacy/request/received?reference=DSAR-00000-00000&receipt="
                + receipt("DSAR-00000-00000"), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
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

    @Test
    void shouldLinkOpenRequestsOfTheSameVerifiedPersonWhateverTheirEmail() {
        String home = uniqueEmail("home");
        String work = uniqueEmail("work");
        String earlier = submitAndVerify(home, body("ACCESS", home));
        String later = submitAndVerify(work, body("ACCESS", work));
        String third = uniqueEmail("other.right");
        String otherRight = submitAndVerify(third, body("ERASURE", third));
        assertThat(linksOf(later)).as("different emails: nothing linked at intake").isEmpty();

        // As the identity check records them when a system of record ties a customer number to each address.
        identifiers.record(idOf(earlier), List.of(email(home), customerNumber("c-771 42")));
        identifiers.record(idOf(otherRight), List.of(email(third), customerNumber("C77142")));
        identifiers.record(idOf(later), List.of(email(work), customerNumber(" C771-42")));

        assertThat(linksOf(later)).as("same person, same right").containsExactly(idOf(earlier));
        assertThat(linksOf(earlier)).isEmpty();
        assertThat(linksOf(otherRight)).as("another right is not a repeat").isEmpty();
        assertThat(repeats.describeLinks(idOf(later))).contains(earlier);
        assertThat(events(later)).anyMatch(event -> event.startsWith("LINKED_SAME_PERSON linkedOpenRequests=1"));

        identifiers.record(idOf(later), List.of(email(work), customerNumber("C77142")));
        assertThat(linksOf(later)).as("recorded again: no second link").hasSize(1);

        ResponseEntity<String> bothRun = completeAs("officer", officerTaskId(later, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}, \"reviewComment\": {\"value\": \"Both.\"}}");
        assertThat(bothRun.getStatusCode()).as(bothRun.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(events(later)).as("the review's choice is recorded")
                .anyMatch(event -> event.startsWith("REVIEW_APPROVE") && event.endsWith("linkedRequests=RUN_BOTH"));
    }

    @Test
    void shouldRefuseAnExcessiveRequestOrNoteAFeeAndTellTheRequesterTheirRights() {
        String refused = uniqueEmail("excessive");
        String refusedReference = submitAndVerify(refused, body("ACCESS", refused));
        String reviewId = officerTaskId(refusedReference, "UserTask_ReviewResponse");
        ResponseEntity<String> badFee = completeAs("officer", reviewId, """
                {"reviewDecision": {"value": "DENY"}, "denialReason": {"value": "EXCESSIVE"},
                 "feeAmount": {"value": "lots"}, "feeReason": {"value": "EXCESSIVE"}}""");
        assertThat(badFee.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFee.getBody()).contains("amount and a currency code");
        assertThat(completeAs("officer", reviewId, """
                {"reviewDecision": {"value": "DENY"}, "denialReason": {"value": "EXCESSIVE"},
                 "reviewComment": {"value": "Fourth identical request this month."}}""").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        ReceivedMail denial = denialTo(refused, refusedReference);
        assertThat(denial.text()).contains("the request is excessive (GDPR Art 12(5))")
                .contains("complain to a data protection supervisory authority").contains("judicial remedy")
                .doesNotContain("Fee:");

        String charged = uniqueEmail("charged");
        String chargedReference = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Kai Kosten", "language": "de"}"""
                .formatted(charged)).getBody().get("reference");
        runDueJobs();
        String code = codeIn(awaitMail(charged, chargedReference + ": Bitte bestätigen Sie"));
        assertThat(postJson("/api/requests/" + chargedReference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        ResponseEntity<String> withFee = completeAs("officer",
                officerTaskId(chargedReference, "UserTask_ReviewResponse"), """
                {"reviewDecision": {"value": "DENY"}, "denialReason": {"value": "MANIFESTLY_UNFOUNDED"},
                 "feeAmount": {"value": "25,00 EUR"}, "feeReason": {"value": "MANIFESTLY_UNFOUNDED"}}""");
        assertThat(withFee.getStatusCode()).as(withFee.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        ReceivedMail german = denialTo(charged, chargedReference);
        assertThat(german.text()).contains("offenkundig unbegründet (Art. 12 Abs. 5 DSGVO)")
                .contains("Das Entgelt beträgt 25,00 EUR").contains("Aufsichtsbehörde");
        assertThat(german.html()).contains("25,00 EUR").contains("Entgelt");

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        List<Map<String, Object>> register = http.withBasicAuth("officer", "officer").getForEntity(
                "/api/reports/register?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&jurisdiction=EU",
                List.class).getBody();
        assertThat(register).filteredOn(entry -> chargedReference.equals(entry.get("reference"))).singleElement()
                .satisfies(entry -> assertThat((List<String>) entry.get("reasonCodes"))
                        .contains("DENIED_MANIFESTLY_UNFOUNDED", "FEE_MANIFESTLY_UNFOUNDED"));
        assertThat(register).filteredOn(entry -> refusedReference.equals(entry.get("reference"))).singleElement()
                .satisfies(entry -> assertThat((List<String>) entry.get("reasonCodes")).contains("DENIED_EXCESSIVE"));
    }

    @Test
    void shouldTellTheRequesterOfAFeeNotedWithAnApproval() {
        String requester = uniqueEmail("copies");
        String reference = submitAndVerify(requester, body("ACCESS", requester));
        assertThat(completeAs("officer", officerTaskId(reference, "UserTask_ReviewResponse"), """
                {"reviewDecision": {"value": "APPROVE"}, "feeAmount": {"value": "10.00 EUR"},
                 "feeReason": {"value": "FURTHER_COPIES"}}""").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        ReceivedMail response = mailsTo(requester).stream().filter(mail -> mail.subject().startsWith(reference))
                .filter(mail -> mail.text().contains("Fee:")).findFirst().orElseThrow();
        assertThat(response.text()).contains("further copies of your data").contains("The fee is 10.00 EUR")
                .contains("If you disagree with the fee, you can complain to a data protection supervisory authority");
        assertThat(events(reference)).anyMatch(event -> event.startsWith("FEE_NOTED by=officer reason=FURTHER_COPIES"));
    }

    private ReceivedMail denialTo(String address, String reference) {
        runDueJobs();
        return mailsTo(address).stream().filter(mail -> mail.subject().startsWith(reference))
                .filter(mail -> mail.text().contains("Why:") || mail.text().contains("Warum:")).findFirst()
                .orElseThrow();
    }

    private String receipt(String reference) {
        return keyedHash.hex("privacy-center-receipt:" + reference).substring(0, 32);
    }

    private static String body(String type, String email) {
        return """
                {"type": "%s", "jurisdiction": "EU", "email": "%s", "fullName": "Sam E. Person"}"""
                .formatted(type, email);
    }

    private static VerifiedIdentifiers.Identifier email(String email) {
        return new VerifiedIdentifiers.Identifier(VerifiedIdentifiers.EMAIL, email,
                VerifiedIdentifiers.Basis.EMAIL_CONFIRMED, null);
    }

    private static VerifiedIdentifiers.Identifier customerNumber(String value) {
        return new VerifiedIdentifiers.Identifier("customerNumber", value, VerifiedIdentifiers.Basis.SYSTEM_OF_RECORD,
                "crm");
    }

    private String idOf(String reference) {
        return jdbc.sql("SELECT id FROM dsar_request WHERE reference = :reference").param("reference", reference)
                .query(String.class).single();
    }

    private List<String> linksOf(String reference) {
        return jdbc.sql("SELECT linked_request_id FROM request_link WHERE request_id = :id")
                .param("id", idOf(reference)).query(String.class).list();
    }

    private List<String> events(String reference) {
        return jdbc.sql("SELECT event_type || ' ' || COALESCE(detail, '') FROM request_event WHERE request_id = :id")
                .param("id", idOf(reference)).query(String.class).list();
    }
}
