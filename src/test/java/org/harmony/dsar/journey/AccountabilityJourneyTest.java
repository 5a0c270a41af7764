package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CCPA 7102 metrics, the request register (CSV safe for spreadsheets) and a request's audit trail, for
 * compliance officers and the DPO only. The reports run over requests of 2018 and 2019, written here with known dates and
 * outcomes: no other test makes requests in those years.
 */
class AccountabilityJourneyTest extends JourneyTestSupport {

    private static final Instant JAN_2019 = Instant.parse("2019-01-10T18:00:00Z");
    private static final Instant JAN_2018 = Instant.parse("2018-01-10T18:00:00Z");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldReportCcpaMetricsPerCategoryAndJurisdiction() {
        request(JAN_2019, "CCPA-A1", "ACCESS", "US-CA", "COMPLETED", 10, "FULL");
        request(JAN_2019, "CCPA-A2", "ACCESS", "US-CA", "COMPLETED", 20, "CATEGORIES");
        String denied = request(JAN_2019, "CCPA-P1", "PORTABILITY", "US-CA", "DENIED", 5, "FULL");
        request(JAN_2019, "CCPA-A3", "ACCESS", "US-CA", "FULFILLING", -1, "FULL");
        request(JAN_2019, "CCPA-E1", "ERASURE", "US-CA", "CLOSED_UNVERIFIED", 14, "FULL");
        request(JAN_2019, "CCPA-EU1", "ACCESS", "EU", "COMPLETED", 30, "FULL");
        request(JAN_2019, "CCPA-L1", "LIMIT_SENSITIVE_USE", "US-CA", "COMPLETED", 3, "FULL");
        event(denied, JAN_2019, "REVIEW_DENY", "by=officer2 reason=RIGHTS_OF_OTHERS");

        ResponseEntity<Map> ca = http.withBasicAuth("officer", "officer").getForEntity(
                "/api/reports/ccpa-metrics?from=2019-01-01&to=2019-12-31&jurisdiction=US-CA", Map.class);
        assertThat(ca.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> lines = (List) ca.getBody().get("lines");
        assertThat(lines).extracting("category").containsExactly("KNOW", "DELETE", "CORRECT", "OPT_OUT", "LIMIT");
        assertThat(lines.get(0)).containsEntry("jurisdiction", "US-CA").containsEntry("received", 4)
                .containsEntry("compliedInWholeOrInPart", 2).containsEntry("denied", 1)
                .containsEntry("medianDaysToRespond", 10.0).containsEntry("meanDaysToRespond", 11.7);
        assertThat(lines.get(1)).containsEntry("received", 1).containsEntry("compliedInWholeOrInPart", 0)
                .containsEntry("denied", 1).containsEntry("medianDaysToRespond", 14.0);
        assertThat(lines.get(2)).containsEntry("received", 0).containsEntry("medianDaysToRespond", null);
        assertThat(lines.get(4)).containsEntry("received", 1).containsEntry("compliedInWholeOrInPart", 1)
                .containsEntry("medianDaysToRespond", 3.0);

        ResponseEntity<String> csv = http.withBasicAuth("dpo", "dpo").getForEntity(
                "/api/reports/ccpa-metrics?from=2019-01-01&to=2019-12-31&format=csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getBody().split("\r\n")).contains(
                "from,to,jurisdiction,category,received,compliedInWholeOrInPart,denied,medianDaysToRespond,"
                        + "meanDaysToRespond",
                "2019-01-01,2019-12-31,ALL,KNOW,5,3,1,15.0,16.3",
                "2019-01-01,2019-12-31,US-CA,KNOW,4,2,1,10.0,11.7",
                "2019-01-01,2019-12-31,EU,KNOW,1,1,0,30.0,30.0");
    }

    @Test
    void shouldListEveryRequestInTheRegisterWithOutcomesAndReasonsAsSafeCsv() {
        String extended = request(JAN_2018, "=HYPERLINK(1)", "ERASURE", "UK", "COMPLETED", 40, "FULL");
        jdbc.sql("""
                INSERT INTO deadline_extension (id, request_id, requested_at, reason_code, extension_period,
                    previous_due_at, new_due_at) VALUES (:id, :request, :at, 'COMPLEXITY', 'P2M', :at, :at)
                """).param("id", UUID.randomUUID().toString()).param("request", extended)
                .param("at", Timestamp.from(JAN_2018.plus(Duration.ofDays(20)))).update();
        String denied = request(JAN_2018, "REG-D1", "ACCESS", "UK", "DENIED", 3, "FULL");
        event(denied, JAN_2018, "REVIEW_DENY", "by=officer2 reason=MANIFESTLY_UNFOUNDED_OR_EXCESSIVE");
        event(denied, JAN_2018, "APPEAL_RECEIVED", "statement=0chars");
        event(denied, JAN_2018, "APPEAL_DENIED", "by=appeals task=UserTask_DecideAppeal");

        ResponseEntity<List> json = http.withBasicAuth("officer", "officer")
                .getForEntity("/api/reports/register?from=2018-01-01&to=2018-01-31&jurisdiction=UK", List.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) json.getBody()).extracting("reference", "channel", "outcome")
                .containsExactly(tuple("=HYPERLINK(1)", "API", "COMPLIED"),
                        tuple("REG-D1", "API", "DENIED"));
        assertThat((Map<String, Object>) json.getBody().get(0)).containsEntry("extendedAt", "2018-01-30T18:00:00Z")
                .containsEntry("reasonCodes", List.of("EXTENDED_COMPLEXITY"))
                .doesNotContainKeys("email", "fullName", "details");
        assertThat((Map<String, Object>) json.getBody().get(1))
                .containsEntry("reasonCodes", List.of("APPEAL_DENIED", "APPEAL_RECEIVED",
                        "DENIED_MANIFESTLY_UNFOUNDED_OR_EXCESSIVE"));

        String csv = http.withBasicAuth("dpo", "dpo").getForEntity(
                "/api/reports/register?from=2018-01-01&to=2018-01-31&jurisdiction=UK&format=csv", String.class)
                .getBody();
        assertThat(csv).startsWith("reference,channel,type,jurisdiction,receivedAt,verifiedAt,identityVerifiedAt,"
                + "dueAt,extendedAt,answeredAt,outcome,reasonCodes\r\n");
        assertThat(csv).as("a formula is text in a spreadsheet").contains("\r\n'=HYPERLINK(1),API,ERASURE,UK,")
                .doesNotContain("\r\n=HYPERLINK").doesNotContain("@example");
    }

    @Test
    void shouldShowARequestsAuditTrailAndTheRegisterToStaffOnly() {
        String email = uniqueEmail("register");
        ResponseEntity<Map> accepted = submit("""
                {"type": "ACCESS", "jurisdiction": "US-VA", "email": "%s", "fullName": "Rita Register"}
                """.formatted(email));
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();

        ResponseEntity<List> events = http.withBasicAuth("officer", "officer")
                .getForEntity("/api/reports/requests/" + reference + "/events", List.class);
        assertThat(events.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) events.getBody()).extracting("type").startsWith("RECEIVED")
                .contains("VERIFICATION_CODE_ISSUED");
        assertThat(events.getBody().toString()).doesNotContain(email, "Rita");

        ResponseEntity<List> today = http.withBasicAuth("dpo", "dpo").getForEntity(
                "/api/reports/register?from=2000-01-01&to=2100-12-31&jurisdiction=US-VA", List.class);
        assertThat((List<Map<String, Object>>) today.getBody()).filteredOn("reference", reference).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("channel", "API").containsEntry("type", "ACCESS")
                        .containsEntry("outcome", "OPEN"));

        assertThat(http.getForEntity("/api/reports/register", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("legal", "legal").getForEntity("/api/reports/ccpa-metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("officer", "officer")
                .getForEntity("/api/reports/requests/DSAR-NONE0-NONE0/events", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> badPeriod = http.withBasicAuth("officer", "officer")
                .getForEntity("/api/reports/ccpa-metrics?from=2020-01-01&to=2019-01-01", Map.class);
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.withBasicAuth("officer", "officer").getForEntity(
                "/api/reports/ccpa-metrics?from=yesterday", Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth("officer", "officer").getForEntity(
                "/api/reports/register?jurisdiction=XX", Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> defaults = http.withBasicAuth("officer", "officer")
                .getForEntity("/api/reports/ccpa-metrics", Map.class);
        assertThat(defaults.getBody()).as("the previous calendar year").containsEntry("from", "2025-01-01")
                .containsEntry("to", "2025-12-31");
    }

    /** A request received then, ended {@code days} later (never when negative); its id. */
    private String request(Instant received, String reference, String type, String jurisdiction, String stage,
            int days, String scope) {
        String id = UUID.randomUUID().toString();
        Timestamp ended = days < 0 ? null : Timestamp.from(received.plus(Duration.ofDays(days)));
        jdbc.sql("""
                INSERT INTO dsar_request (id, reference, request_type, jurisdiction, email, full_name, language, stage,
                    received_at, due_at, completed_at, ended_at, access_scope)
                VALUES (:id, :reference, :type, :jurisdiction, 'someone@example.org', 'Some One', 'en', :stage,
                    :received, :due, :ended, :ended, :scope)
                """).param("id", id).param("reference", reference).param("type", type)
                .param("jurisdiction", jurisdiction).param("stage", stage).param("received", Timestamp.from(received))
                .param("due", Timestamp.from(received.plus(Duration.ofDays(45)))).param("ended", ended)
                .param("scope", scope).update();
        return id;
    }

    private void event(String requestId, Instant at, String type, String detail) {
        jdbc.sql("""
                INSERT INTO request_event (id, request_id, occurred_at, event_type, detail)
                VALUES (:id, :request, :at, :type, :detail)
                """).param("id", UUID.randomUUID().toString()).param("request", requestId)
                .param("at", Timestamp.from(at)).param("type", type).param("detail", detail).update();
    }
}
