package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * An erasure for a demo subject with records in every source of the demo system of record: exactly the erasable
 * rows change (deleted or anonymised), what retention keeps stays, nobody else's rows change, the evidence says
 * so per source, and the recipients of erased data are told (GDPR Art 19).
 */
class ErasureJourneyTest extends JourneyTestSupport {

    private static final String SUBJECT = "marie.dubois@example.fr";
    private static final String PHONE = "+33 1 70 36 39 50";
    private static final long ACCOUNT_ID = 3;
    private static final List<String> TABLES = List.of("web_enquiry", "newsletter_subscription",
            "newsletter_unsubscribe", "customer_account", "customer_order", "support_ticket", "call_recording",
            "affiliate_visit", "analytics_cookie", "partner_share");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldEraseExactlyTheErasableRowsAndRecordTheEvidence() {
        Map<String, Map<Object, Map<String, Object>>> before = snapshot();
        Map<String, Set<Object>> subjectRows = subjectRows();
        assertThat(subjectRows.values()).as("the demo subject has records in every source").allSatisfy(ids ->
                assertThat(ids).isNotEmpty());

        ResponseEntity<Map> accepted = submit("""
                {"type": "ERASURE", "jurisdiction": "EU", "email": "%s", "fullName": "Marie Dubois",
                 "dataPoints": {"phone": "%s"}}
                """.formatted(SUBJECT, PHONE));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        String code = codeIn(awaitMail(SUBJECT, reference + ": confirm your email address"));
        assertThat(postJson("/api/requests/" + reference + "/verification", "{\"code\": \"" + code + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();

        Map<String, Map<Object, Map<String, Object>>> after = snapshot();
        for (String table : TABLES) {
            Map<Object, Map<String, Object>> rowsBefore = before.get(table);
            Map<Object, Map<String, Object>> rowsAfter = after.get(table);
            Set<Object> others = new HashSet<>(rowsBefore.keySet());
            others.removeAll(subjectRows.get(table));
            for (Object id : others) {
                assertThat(rowsAfter.get(id)).as("%s row %s of someone else", table, id).isEqualTo(rowsBefore.get(id));
            }
            assertThat(rowsAfter.keySet()).as("%s: no rows added", table).isSubsetOf(rowsBefore.keySet());
        }
        // Deleted
        for (String table : List.of("web_enquiry", "newsletter_subscription", "analytics_cookie", "partner_share")) {
            assertThat(after.get(table).keySet()).as(table).doesNotContainAnyElementsOf(subjectRows.get(table));
        }
        // Anonymised, kept as rows
        Map<String, Object> account = after.get("customer_account").get(ACCOUNT_ID);
        assertThat(account.get("full_name")).isEqualTo("Erased customer");
        assertThat(account.get("email")).isNotEqualTo(SUBJECT);
        assertThat(account.get("phone")).isNull();
        assertThat(account.get("postcode")).isNull();
        for (Object id : subjectRows.get("support_ticket")) {
            Map<String, Object> ticket = after.get("support_ticket").get(id);
            assertThat(ticket.get("full_name")).isEqualTo("Erased");
            assertThat(ticket.get("body")).isEqualTo("[erased on request]");
            assertThat(ticket.get("subject")).isEqualTo(before.get("support_ticket").get(id).get("subject"));
        }
        for (Object id : subjectRows.get("affiliate_visit")) {
            assertThat(after.get("affiliate_visit").get(id)).containsEntry("ip_address", "0.0.0.0")
                    .doesNotContainValue(SUBJECT);
        }
        for (Object id : subjectRows.get("newsletter_unsubscribe")) {
            assertThat(after.get("newsletter_unsubscribe").get(id).get("email")).isNotEqualTo(SUBJECT);
        }
        // Kept by retention: orders (6 years, tax) untouched. Recordings: deleted at the processor, recent or not.
        for (Object id : subjectRows.get("customer_order")) {
            assertThat(after.get("customer_order").get(id)).isEqualTo(before.get("customer_order").get(id));
        }
        Set<Object> recordings = subjectRows.get("call_recording");
        assertThat(recordings).hasSize(4);
        assertThat(after.get("call_recording").keySet()).doesNotContainAnyElementsOf(recordings);

        // The evidence: one record per source and table, with what was erased and what was kept and why.
        Map<String, Map<String, Object>> evidence = new HashMap<>();
        jdbc.sql("""
                SELECT e.source_name, e.action, e.rows_erased, e.rows_kept, e.kept_reason FROM erasure_evidence e
                JOIN dsar_request r ON r.id = e.request_id WHERE r.reference = :reference
                """).param("reference", reference).query().listOfRows()
                .forEach(row -> evidence.put((String) row.get("source_name"), row));
        assertThat(evidence).hasSize(10);
        assertThat(evidence.get("web-enquiries")).containsEntry("action", "DELETE")
                .containsEntry("rows_erased", subjectRows.get("web_enquiry").size()).containsEntry("rows_kept", 0);
        assertThat(evidence.get("customer-accounts")).containsEntry("action", "ANONYMISE")
                .containsEntry("rows_erased", 1);
        assertThat(evidence.get("orders")).containsEntry("rows_erased", 0)
                .containsEntry("rows_kept", subjectRows.get("customer_order").size())
                .containsEntry("kept_reason", "GDPR-17-3-B-TAX");
        assertThat(evidence.get("call-recordings")).containsEntry("rows_erased", 4).containsEntry("rows_kept", 0);
        assertThat(evidence.get("affiliate-visits")).containsEntry("rows_erased", 5);

        // Art 19: recipients of erased data are told; the payment processor (orders kept) is not.
        for (String recipient : List.of("privacy@mailer.example", "dpa@hosting.example", "privacy@callrec.example",
                "privacy@shareasale.example", "privacy@northwind.example", "dpo@adreach.example")) {
            ReceivedMail notice = awaitMail(recipient, reference + ": erasure request");
            assertThat(notice.text()).contains(SUBJECT).contains("Article 19");
        }
        assertThat(mailsTo("privacy@payments.example")).noneMatch(m -> m.subject().startsWith(reference));

        // The reviewer sees what was erased and kept, without personal data; the response says it too.
        Map<String, Object> task = officerTask(reference);
        String taskId = (String) task.get("id");
        ResponseEntity<Map> variables = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables", Map.class);
        assertThat(variables.getBody().toString()).contains("Call recordings (recordings): deleted 4")
                .doesNotContain(SUBJECT).doesNotContain(PHONE);
        approve(taskId);
        runDueJobs();
        ReceivedMail response = awaitMail(SUBJECT, reference + ": your request is complete");
        assertThat(response.text()).contains("Erased: Web enquiries").contains("Kept: Orders and payments")
                .contains("tax law").contains("Erased: Call recordings, 4 records")
                .doesNotContain("Kept: Call recordings");
    }

    /** Every row of every demo table, by id. */
    private Map<String, Map<Object, Map<String, Object>>> snapshot() {
        Map<String, Map<Object, Map<String, Object>>> tables = new HashMap<>();
        for (String table : TABLES) {
            Map<Object, Map<String, Object>> rows = new HashMap<>();
            jdbc.sql("SELECT * FROM sor." + table).query().listOfRows().forEach(row -> {
                Map<String, Object> normalised = new HashMap<>();
                row.forEach((column, value) -> normalised.put(column.toLowerCase(), value));
                rows.put(normalised.get("id"), normalised);
            });
            tables.put(table, rows);
        }
        return tables;
    }

    /** The ids of the demo subject's rows, per table. */
    private Map<String, Set<Object>> subjectRows() {
        Map<String, Set<Object>> ids = new HashMap<>();
        for (String table : TABLES) {
            String where = switch (table) {
                case "customer_account" -> "id = " + ACCOUNT_ID;
                case "customer_order" -> "customer_id = " + ACCOUNT_ID;
                case "call_recording" -> "LOWER(caller_email) = :email OR caller_phone = :phone";
                default -> "LOWER(email) = :email";
            };
            String sql = "SELECT id FROM sor." + table + " WHERE " + where;
            var statement = jdbc.sql(sql);
            if (sql.contains(":email")) {
                statement = statement.param("email", SUBJECT);
            }
            if (sql.contains(":phone")) {
                statement = statement.param("phone", PHONE);
            }
            ids.put(table, new HashSet<>(statement.query((rs, row) -> rs.getObject(1)).list()));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> officerTask(String reference) {
        ResponseEntity<List> tasks = http.withBasicAuth("officer", "officer")
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + reference, List.class);
        assertThat(tasks.getBody()).hasSize(1);
        return (Map<String, Object>) tasks.getBody().get(0);
    }

    private void approve(String taskId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}";
        assertThat(http.withBasicAuth("officer", "officer").exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }
}
