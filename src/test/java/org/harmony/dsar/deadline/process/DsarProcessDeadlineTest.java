package org.harmony.dsar.deadline.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.deadline.BusinessCalendars;
import org.harmony.dsar.deadline.DeadlineProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for the deadline event subprocesses of DsarProcess.bpmn (reminders, breach, escalation) and for
 * moving a case's due date. Timers run on the real business calendar; the clock is set explicitly.
 */
@Deployment(resources = {"processes/DsarProcess.bpmn", "processes/ResponseDeadline.dmn",
        "forms/ReviewResponseForm.form", "forms/FulfilManuallyForm.form", "forms/DeadlineBreachForm.form"})
class DsarProcessDeadlineTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String REFERENCE = "DSAR-DEADL-00001";
    /** Friday 15 January 2027, end of day in London: due date of a UK request. */
    private static final Instant DUE_AT = Instant.parse("2027-01-15T23:59:59Z");

    private final DeadlineProperties properties = new DeadlineProperties(Map.of(), List.of(), LocalTime.of(9, 0), "EU");
    private final BusinessCalendars calendars = new BusinessCalendars(properties);
    private final List<String> reminderGroups = new ArrayList<>();
    private final List<String> breachGroups = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        new BusinessDayCalendarPlugin(calendars, properties).preInit(
                (ProcessEngineConfigurationImpl) extension.getProcessEngine().getProcessEngineConfiguration());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-14T10:00:00Z")));
        Mocks.register("deadlineTimers", new DeadlineTimers(calendars, properties));
        Mocks.register("remindWorkingGroupDelegate",
                (JavaDelegate) execution -> reminderGroups.add((String) execution.getVariable("reminderGroup")));
        Mocks.register("recordDeadlineBreachDelegate",
                (JavaDelegate) execution -> breachGroups.add((String) execution.getVariable("reminderGroup")));
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("describeCaseListener");
        registerTaskListenerMock("checkReviewDecisionListener");
        registerJavaDelegateMock("sendRequesterMailDelegate");
        registerJavaDelegateMock("sendResponseDelegate");
        Mocks.register("endRequestListener", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> { });
        registerJavaDelegateMock("sendAcknowledgementDelegate");
        Mocks.register("trackStageListener", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> { });
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldRemindWorkingGroupSevenAndTwoBusinessDaysBeforeTheDueDate() {
        ProcessInstance pi = startAtReview(DUE_AT);

        // 15 Jan 2027 is a Friday: 7 business days before is Wednesday 6 January, 2 before Wednesday 13 January.
        Assertions.assertThat(timer(pi, "StartEvent_FirstReminderDue").getDuedate())
                .isEqualTo(Instant.parse("2027-01-06T09:00:00Z"));
        Assertions.assertThat(timer(pi, "StartEvent_FinalReminderDue").getDuedate())
                .isEqualTo(Instant.parse("2027-01-13T09:00:00Z"));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-06T09:00:01Z")));
        execute(timer(pi, "StartEvent_FirstReminderDue"));
        execute(job("ServiceTask_SendFirstReminder", pi));
        Assertions.assertThat(reminderGroups).containsExactly("complianceOfficers");
        Assertions.assertThat(timer(pi, "StartEvent_FirstReminderDue").getDuedate())
                .as("fired once for this due date").isAfter(Instant.parse("2030-01-01T00:00:00Z"));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-13T09:00:01Z")));
        execute(timer(pi, "StartEvent_FinalReminderDue"));
        execute(job("ServiceTask_SendFinalReminder", pi));
        Assertions.assertThat(reminderGroups).containsExactly("complianceOfficers", "complianceOfficers");
        assertThat(pi).isWaitingAt("UserTask_ReviewResponse").hasNotPassed("ServiceTask_RecordDeadlineBreach");
    }

    @Test
    void shouldRecordBreachAndGiveDpoAnEscalationTaskDueWithinOneBusinessDay() {
        ProcessInstance pi = startAtReview(DUE_AT);
        Assertions.assertThat(timer(pi, "StartEvent_DeadlineReached").getDuedate())
                .isEqualTo(Instant.parse("2027-01-16T00:00:00Z"));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-16T08:00:00Z")));
        execute(timer(pi, "StartEvent_DeadlineReached"));
        execute(job("ServiceTask_RecordDeadlineBreach", pi));

        Assertions.assertThat(breachGroups).containsExactly("dpo");
        Task escalation = taskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("UserTask_HandleDeadlineBreach").singleResult();
        assertThat(escalation).hasCandidateGroup("dpo");
        // Saturday 16 January 08:00 in London + 1 business day = Monday 18 January, same time.
        Assertions.assertThat(escalation.getDueDate()).isEqualTo(Instant.parse("2027-01-18T08:00:00Z"));
        assertThat(pi).isWaitingAt("UserTask_ReviewResponse", "UserTask_HandleDeadlineBreach");

        BpmnAwareTests.complete(escalation, Variables.createVariables()
                .putValue("breachCause", "WORKLOAD").putValue("breachActions", "Response sent the same day"));
        assertThat(pi).hasPassed("EndEvent_DeadlineBreachHandled").isWaitingAt("UserTask_ReviewResponse");
    }

    @Test
    void shouldNotRemindOrEscalateWhenTheResponseIsSentInTime() {
        ProcessInstance pi = startAtReview(DUE_AT);

        BpmnAwareTests.complete(task(pi), Variables.createVariables().putValue("reviewDecision", "APPROVE"));
        execute(job("ServiceTask_SendResponse", pi));

        assertThat(pi).isEnded();
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(reminderGroups).isEmpty();
        Assertions.assertThat(breachGroups).isEmpty();
    }

    @Test
    void shouldScheduleTimersOnceTheDueDateIsRecordedInTheSameTransaction() {
        CaseDueDates caseDueDates = new CaseDueDates(runtimeService(), BpmnAwareTests.taskService(),
                managementService());
        Mocks.register("determineDeadlineDelegate", (JavaDelegate) execution -> { });
        Mocks.register("recordDueDateDelegate", (JavaDelegate) execution -> {
            execution.setVariable("dueAt", Date.from(DUE_AT));
            caseDueDates.recalculateTimers(execution.getProcessInstanceId());
        });

        ProcessInstance pi = runtimeService().startProcessInstanceByKey("DsarProcess", REFERENCE,
                Variables.createVariables().putValue("requestId", "request-1").putValue("requestReference", REFERENCE)
                        .putValue("requestType", "ACCESS").putValue("jurisdiction", "UK"));

        assertThat(pi).isWaitingAt("ServiceTask_SendAcknowledgement");
        Assertions.assertThat(timer(pi, "StartEvent_DeadlineReached").getDuedate())
                .isEqualTo(Instant.parse("2027-01-16T00:00:00Z"));
        Assertions.assertThat(timer(pi, "StartEvent_FirstReminderDue").getDuedate())
                .isEqualTo(Instant.parse("2027-01-06T09:00:00Z"));
    }

    @Test
    void shouldMoveTaskDueDatesAndRearmTimersWhenTheDueDateMoves() {
        ProcessInstance pi = startAtReview(DUE_AT);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-06T09:00:01Z")));
        execute(timer(pi, "StartEvent_FirstReminderDue"));
        execute(job("ServiceTask_SendFirstReminder", pi));

        Instant extended = Instant.parse("2027-03-15T23:59:59Z");
        new CaseDueDates(runtimeService(), BpmnAwareTests.taskService(), managementService())
                .move(REFERENCE, Date.from(DUE_AT), Date.from(extended));

        assertThat(task(pi)).hasDueDate(Date.from(extended));
        assertThat(pi).variables().containsEntry("dueAt", Date.from(extended));
        Assertions.assertThat(timer(pi, "StartEvent_DeadlineReached").getDuedate())
                .isEqualTo(Instant.parse("2027-03-16T00:00:00Z"));
        // Monday 15 March 2027: 7 business days before is Thursday 4 March; the fired reminder is armed again.
        Assertions.assertThat(timer(pi, "StartEvent_FirstReminderDue").getDuedate())
                .isEqualTo(Instant.parse("2027-03-04T09:00:00Z"));
        Assertions.assertThat(timer(pi, "StartEvent_FinalReminderDue").getDuedate())
                .isEqualTo(Instant.parse("2027-03-11T09:00:00Z"));
    }

    private static ProcessInstance startAtReview(Instant dueAt) {
        return runtimeService().createProcessInstanceByKey("DsarProcess")
                .businessKey(REFERENCE)
                .setVariables(Variables.createVariables().putValue("requestId", "request-1")
                        .putValue("requestReference", REFERENCE).putValue("requestType", "ERASURE")
                        .putValue("jurisdiction", "UK").putValue("dueAt", Date.from(dueAt)))
                .startBeforeActivity("UserTask_ReviewResponse")
                .execute();
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
    }
}
