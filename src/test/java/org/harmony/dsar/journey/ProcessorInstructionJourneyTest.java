package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.runtime.Job;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A processor without an API (the demo's lettershop, catalogue entry printed-mailings with instruction-mail): an
 * erasure mails it an instruction under GDPR Art 28(3)(e) with the reference and only the verified email, a
 * compliance officer records its confirmation (reminder on the way), or the DPO decides when it is overdue; the
 * evidence is kept and the response tells the requester.
 */
class ProcessorInstructionJourneyTest extends JourneyTestSupport {

    private static final String LETTERSHOP = "auftragsverarbeitung@lettershop.example";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldInstructTheProcessorRemindItAndRecordItsConfirmationAsEvidence() {
        String email = uniqueEmail("printed.reader");
        handedOverToTheLettershop(email);

        String reference = submitAndVerify(email, """
                {"type": "ERASURE", "jurisdiction": "EU", "email": "%s", "fullName": "Printed Reader",
                 "dataPoints": {"phone": "+44 20 7946 0999", "postcode": "EC1A 1BB"}}
                """.formatted(email));

        ReceivedMail instruction = awaitMail(LETTERSHOP,
                reference + ": Weisung nach Art. 28 Abs. 3 lit. e DSGVO, bitte bestätigen");
        assertThat(instruction.text()).as("in the processor's language from the catalogue")
                .contains("email: " + email).contains("löschen Sie alle personenbezogenen Daten")
                .doesNotContain("Printed Reader").doesNotContain("+44 20 7946 0999").doesNotContain("EC1A 1BB");
        String taskId = officerTaskId(reference, "UserTask_RecordProcessorConfirmation");

        management.executeJob(timer(reference, "BoundaryEvent_ReminderDue").getId());
        runDueJobs();
        assertThat(awaitMail(LETTERSHOP, reference + ": Erinnerung, bitte bestätigen Sie unsere Weisung").text())
                .contains(reference).doesNotContain(email);
        assertThat(mailsTo(LETTERSHOP).stream().filter(mail -> mail.subject().startsWith(reference))).hasSize(2);

        assertThat(completeAs("officer", taskId, """
                {"processorConfirmation": {"value": "UNCONFIRMED"}, "processorConfirmationNote": {"value": "Skip it"}}""")
                .getStatusCode()).as("only the DPO may proceed without a confirmation").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(instructionOf(reference)).containsEntry("outcome", null);
        assertThat(completeAs("officer", taskId, """
                {"processorConfirmation": {"value": "CONFIRMED"},
                 "processorConfirmationNote": {"value": "Lettershop's reply of today, from its DPO"}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(instructionOf(reference)).containsEntry("outcome", "CONFIRMED").containsEntry("confirmed_by", "officer")
                .containsEntry("change_kind", "erasure");
        assertThat(http.withBasicAuth("officer", "officer").getForEntity("/api/officer/requests/" + reference
                + "/case-file", String.class).getBody()).contains("Lettershop Print GmbH").contains("CONFIRMED");
        assertThat(completeAs("officer2", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(awaitMail(email, reference + ": your request is complete").text())
                .contains("Confirmed by Lettershop Print GmbH (our processor)").contains("erasure carried out");
    }

    @Test
    void shouldGiveTheOverdueConfirmationToTheDpoAndTellTheRequesterItIsStillOutstanding() {
        String email = uniqueEmail("unconfirmed.reader");
        handedOverToTheLettershop(email);
        String reference = submitAndVerify(email, """
                {"type": "RESTRICTION", "jurisdiction": "EU", "email": "%s", "fullName": "Unconfirmed Reader"}
                """.formatted(email));
        assertThat(awaitMail(LETTERSHOP, reference + ": Weisung nach Art. 28 Abs. 3 lit. e DSGVO, bitte bestätigen")
                .text()).contains("schränken Sie die Verarbeitung");

        management.executeJob(timer(reference, "BoundaryEvent_ConfirmationOverdue").getId());
        runDueJobs();

        String dpoTask = taskOf("dpo", reference, "UserTask_ChaseProcessorConfirmation");
        assertThat(taskOf("officer", reference, "UserTask_RecordProcessorConfirmation")).isNull();
        assertThat(completeAs("officer", dpoTask, """
                {"processorConfirmation": {"value": "UNCONFIRMED"}, "processorConfirmationNote": {"value": "x"}}""")
                .getStatusCode()).as("only the DPO group holds the escalated task").isNotEqualTo(HttpStatus.NO_CONTENT);
        assertThat(completeAs("dpo", dpoTask, """
                {"processorConfirmation": {"value": "UNCONFIRMED"},
                 "processorConfirmationNote": {"value": "Chased under the DPA; proceeding without it"}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        assertThat(instructionOf(reference)).containsEntry("outcome", "UNCONFIRMED").containsEntry("confirmed_by", "dpo");
        assertThat(completeAs("officer", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(awaitMail(email, reference + ": your request is complete").text())
                .contains("Instructed Lettershop Print GmbH (our processor)").contains("no confirmation received yet");
    }

    @Test
    void shouldNotInstructTheProcessorWhenItHoldsNothingOnTheSubject() {
        String email = uniqueEmail("never.printed");
        String reference = submitAndVerify(email, """
                {"type": "ERASURE", "jurisdiction": "EU", "email": "%s", "fullName": "Never Printed"}
                """.formatted(email));

        assertThat(taskOf("officer", reference, "UserTask_RecordProcessorConfirmation")).isNull();
        assertThat(officerTaskId(reference, "UserTask_ReviewResponse")).isNotNull();
        assertThat(mailsTo(LETTERSHOP).stream().filter(mail -> mail.subject().startsWith(reference))).isEmpty();
    }

    private void handedOverToTheLettershop(String email) {
        jdbc.sql("""
                INSERT INTO sor.print_mailing (id, email, campaign, handed_over_at)
                VALUES (:id, :email, 'Autumn catalogue', CURRENT_TIMESTAMP)
                """).param("id", ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L))
                .param("email", email).update();
    }

    private Job timer(String reference, String activityId) {
        return management.createJobQuery().timers().activityId(activityId)
                .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                        .processDefinitionKey("ProcessorInstructionProcess").singleResult().getId())
                .singleResult();
    }

    @SuppressWarnings("unchecked")
    private String taskOf(String user, String reference, String taskDefinitionKey) {
        ResponseEntity<List> tasks = http.withBasicAuth(user, user).getForEntity(
                "/engine-rest/task?processInstanceBusinessKeyLike=" + reference + "&taskDefinitionKey="
                        + taskDefinitionKey, List.class);
        return tasks.getBody().isEmpty() ? null : (String) ((Map<String, Object>) tasks.getBody().get(0)).get("id");
    }

    private Map<String, Object> instructionOf(String reference) {
        return jdbc.sql("""
                SELECT i.outcome, i.confirmed_by, i.change_kind FROM processor_instruction i
                JOIN dsar_request r ON r.id = i.request_id WHERE r.reference = :reference
                """).param("reference", reference).query().singleRow();
    }
}
