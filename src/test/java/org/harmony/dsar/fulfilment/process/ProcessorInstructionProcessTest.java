package org.harmony.dsar.fulfilment.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.times;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for ProcessorInstructionProcess.bpmn: nothing to confirm; the officer records a confirmation; the
 * processor is reminded after the period of ProcessorConfirmation.dmn; the task goes to the DPO when the
 * confirmation is overdue, who may proceed without it; one branch per instruction. Delegates and listeners are
 * mocked, the decision table is real.
 */
class ProcessorInstructionProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String BPMN = "processes/ProcessorInstructionProcess.bpmn";
    private static final String DMN = "processes/ProcessorConfirmation.dmn";
    private static final String FORM = "forms/RecordProcessorConfirmationForm.form";
    private static final String ESCALATED_FORM = "forms/EscalatedProcessorConfirmationForm.form";
    private static final Date DUE_AT = Date.from(Instant.parse("2026-12-30T23:59:59Z"));

    /** Stand-in for the bean the multi-instance reads its collection from. */
    public static class OpenInstructionsStandIn {
        private final List<String> ids = new ArrayList<>();

        public List<String> of(String requestId) {
            return requestId.equals("request-42") ? ids : List.of();
        }
    }

    private final OpenInstructionsStandIn open = new OpenInstructionsStandIn();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("openProcessorInstructions", open);
        registerJavaDelegateMock("remindProcessorDelegate");
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("recordProcessorConfirmationListener");
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, FORM, ESCALATED_FORM})
    void shouldEndAtOnceWhenNoProcessorWithoutAnApiIsConcerned() {
        ProcessInstance pi = start("EU", 0);

        assertThat(pi).isEnded().hasPassed("EndEvent_NoProcessorInstructed")
                .hasNotPassed("BusinessRuleTask_DetermineConfirmationPeriods");
        verifyJavaDelegateMock("sendProcessorInstructionsDelegate").executed(times(1));
    }

    @Test
    @Deployment(resources = {BPMN, DMN, FORM, ESCALATED_FORM})
    void shouldWaitForTheOfficerToRecordTheProcessorsConfirmation() {
        open.ids.add("instruction-1");
        ProcessInstance pi = start("EU", 1);

        assertThat(pi).isWaitingAt("UserTask_RecordProcessorConfirmation");
        Task record = task(pi);
        assertThat(record).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        assertThat(pi).variables().containsEntry("reminderAfter", "P7D").containsEntry("escalateAfter", "P14D");
        Assertions.assertThat(runtimeService().getVariable(record.getExecutionId(), "instructionId"))
                .isEqualTo("instruction-1");

        complete(record, withVariables("processorConfirmation", "CONFIRMED",
                "processorConfirmationNote", "Reply of 2 Dec from the lettershop's DPO"));

        assertThat(pi).isEnded().hasPassedInOrder("UserTask_RecordProcessorConfirmation",
                "EndEvent_ConfirmationRecorded", "EndEvent_ProcessorsConfirmed");
        verifyTaskListenerMock("recordProcessorConfirmationListener").executed(times(1));
        verifyTaskListenerMock("validateFormSubmissionListener").executed(times(1));
        verifyJavaDelegateMock("remindProcessorDelegate").executedNever();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, FORM, ESCALATED_FORM})
    void shouldRemindTheProcessorAfterThePeriodAndKeepTheTaskOpen() {
        open.ids.add("instruction-1");
        Instant started = Instant.now();
        ProcessInstance pi = start("EU", 1);

        Job reminder = jobQuery().timers().activityId("BoundaryEvent_ReminderDue").singleResult();
        Assertions.assertThat(Duration.between(started, reminder.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1));
        execute(reminder);
        assertThat(pi).isWaitingAt("ServiceTask_RemindProcessor", "UserTask_RecordProcessorConfirmation");
        execute(jobQuery().activityId("ServiceTask_RemindProcessor").singleResult());

        assertThat(pi).hasPassed("EndEvent_ProcessorReminded").isWaitingAt("UserTask_RecordProcessorConfirmation");
        verifyJavaDelegateMock("remindProcessorDelegate").executed(times(1));
        complete(task(pi), withVariables("processorConfirmation", "CONFIRMED", "processorConfirmationNote", "Reply"));
        assertThat(pi).isEnded().hasPassed("EndEvent_ProcessorsConfirmed");
    }

    @Test
    @Deployment(resources = {BPMN, DMN, FORM, ESCALATED_FORM})
    void shouldGiveTheOverdueConfirmationToTheDpoWhoMayProceedWithoutIt() {
        open.ids.add("instruction-1");
        Instant started = Instant.now();
        ProcessInstance pi = start("BR", 1);

        Job overdue = jobQuery().timers().activityId("BoundaryEvent_ConfirmationOverdue").singleResult();
        Assertions.assertThat(Duration.between(started, overdue.getDuedate().toInstant()))
                .as("LGPD: escalated after 4 days").isBetween(Duration.ofDays(4).minusMinutes(1),
                        Duration.ofDays(4).plusMinutes(1));
        execute(overdue);

        assertThat(pi).isWaitingAt("UserTask_ChaseProcessorConfirmation");
        Task chase = task(pi);
        assertThat(chase).hasCandidateGroup("dpo").hasDueDate(DUE_AT);
        Assertions.assertThat(taskQuery().taskDefinitionKey("UserTask_RecordProcessorConfirmation").count())
                .as("the officer's task is taken over").isZero();
        complete(chase, withVariables("processorConfirmation", "UNCONFIRMED",
                "processorConfirmationNote", "Chased twice under the DPA; reported to the supervisory contact"));

        assertThat(pi).isEnded().hasPassedInOrder("UserTask_ChaseProcessorConfirmation",
                "EndEvent_EscalationResolved", "EndEvent_ProcessorsConfirmed");
        verifyTaskListenerMock("recordProcessorConfirmationListener").executed(times(1));
    }

    @Test
    @Deployment(resources = {BPMN, DMN, FORM, ESCALATED_FORM})
    void shouldAwaitEachProcessorsConfirmationInItsOwnTask() {
        open.ids.addAll(List.of("instruction-1", "instruction-2"));
        ProcessInstance pi = start("UK", 2);

        List<Task> tasks = taskQuery().processInstanceId(pi.getId()).list();
        Assertions.assertThat(tasks).hasSize(2).extracting(t -> runtimeService().getVariable(t.getExecutionId(),
                "instructionId")).containsExactlyInAnyOrder("instruction-1", "instruction-2");
        complete(tasks.get(0), withVariables("processorConfirmation", "CONFIRMED", "processorConfirmationNote", "A"));
        assertThat(pi).isNotEnded();
        complete(tasks.get(1), withVariables("processorConfirmation", "CONFIRMED", "processorConfirmationNote", "B"));

        assertThat(pi).isEnded().hasPassed("EndEvent_ProcessorsConfirmed");
    }

    private static ProcessInstance start(String jurisdiction, long instructed) {
        registerJavaDelegateMock("sendProcessorInstructionsDelegate").onExecutionSetVariables(
                Variables.createVariables().putValue("processorInstructionCount", instructed));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(
                ProcessorInstructionVariables.PROCESS_KEY, "DSAR-2026-000042", Variables.createVariables()
                        .putValue("requestId", "request-42")
                        .putValue("requestReference", "DSAR-2026-000042")
                        .putValue("requestType", "ERASURE")
                        .putValue("jurisdiction", jurisdiction)
                        .putValue("dueAt", DUE_AT));
        assertThat(pi).isWaitingAt("ServiceTask_SendProcessorInstructions");
        execute(jobQuery().activityId("ServiceTask_SendProcessorInstructions").singleResult());
        return pi;
    }
}
