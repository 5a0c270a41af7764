package org.harmony.dsar.breach.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.community.mockito.DelegateExpressions.registerExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for BreachNotificationProcess.bpmn: notices sent in time by parallel senders, the escalation when
 * they are not sent by the deadline, the 72-hour authority timer, and a sender waiting for another's claims.
 * Services are mocked; jobs and timers run explicitly.
 */
@Deployment(resources = {"processes/BreachNotificationProcess.bpmn", "forms/HandleLateNoticesForm.form",
        "forms/NotifyAuthorityForm.form"})
class BreachNotificationProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String REFERENCE = "BREACH-TEST0001";
    private static final Instant DETECTED_AT = Instant.parse("2027-03-01T10:00:00Z");
    private static final Instant NOTICES_DUE = Instant.parse("2027-03-02T10:00:00Z");
    private static final Instant AUTHORITY_DUE = DETECTED_AT.plus(Duration.ofHours(72));

    /** What the mocked sender answers per call, in order; DONE once the list is used up. */
    private final List<String> senderOutcomes = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private final List<String> sendersRun = new ArrayList<>();
    private int completions;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(DETECTED_AT.plus(Duration.ofMinutes(5))));
        Mocks.register("findAffectedPeopleDelegate",
                (JavaDelegate) execution -> execution.setVariable("recipientCount", 500L));
        Mocks.register("sendNoticeBatchDelegate", (JavaDelegate) execution -> {
            sendersRun.add(execution.getId());
            execution.setVariableLocal("senderOutcome", senderOutcomes.isEmpty() ? "DONE" : senderOutcomes.remove(0));
        });
        Mocks.register("completeNoticesDelegate", (JavaDelegate) execution -> {
            completions++;
            execution.setVariable("noticesSent", 500L);
            execution.setVariable("noticesFailed", 0L);
        });
        Mocks.register("alertDpoDelegate", (JavaDelegate) execution -> alerts.add((String) execution.getVariable("breachAlert")));
        registerTaskListenerMock("describeBreachProgressListener");
        registerExecutionListenerMock("recordBreachFromFormListener");
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("recordAuthorityNoticeListener");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldSendEveryNoticeThroughParallelSendersAndEndOnceTheAuthorityIsNotified() {
        senderOutcomes.addAll(List.of("MORE", "DONE", "DONE"));
        ProcessInstance pi = start(2);

        assertThat(pi).isWaitingAt("ServiceTask_FindAffectedPeople", "UserTask_NotifyAuthority");
        runDueJobs();
        // One sender's time box is over: it hands over through a one-second timer that any engine node can take.
        Assertions.assertThat(managementService().createJobQuery().timers().activityId("IntermediateCatchEvent_HandOver")
                .singleResult().getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1)));
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(2)));
        runDueJobs();

        // Two senders; one handed over to a new job after its time box, then both found nothing left.
        Assertions.assertThat(sendersRun).hasSize(3);
        Assertions.assertThat(completions).isEqualTo(1);
        assertThat(pi).hasPassed("EndEvent_SenderDone", "ServiceTask_CompleteNotices")
                .hasNotPassed("ServiceTask_AlertNoticesLate");
        assertThat(pi).variables().containsEntry("recipientCount", 500L).containsEntry("noticesSent", 500L);
        Assertions.assertThat(managementService().createJobQuery().timers().activityId("BoundaryEvent_NoticesDue")
                .count()).as("deadline timer cancelled with the sending").isZero();

        Task authority = task(pi);
        Assertions.assertThat(authority.getTaskDefinitionKey()).isEqualTo("UserTask_NotifyAuthority");
        assertThat(authority).hasCandidateGroup("dpo").hasDueDate(Date.from(AUTHORITY_DUE));
        complete(authority, Variables.createVariables().putValue("authorityName", "ICO")
                .putValue("authorityReference", "ICO-123"));

        assertThat(pi).isEnded().hasPassed("EndEvent_BreachHandled");
        Assertions.assertThat(alerts).isEmpty();
    }

    @Test
    void shouldEscalateToTheDpoWhenNoticesAreNotAllSentByTheDeadline() {
        ProcessInstance pi = start(2);
        runDueJobsExcept("ServiceTask_SendNoticeBatch");
        assertThat(pi).isWaitingAt("ServiceTask_SendNoticeBatch");

        ClockUtil.setCurrentTime(Date.from(NOTICES_DUE.plusSeconds(1)));
        Job deadline = managementService().createJobQuery().timers().activityId("BoundaryEvent_NoticesDue")
                .singleResult();
        Assertions.assertThat(deadline.getDuedate()).isEqualTo(Date.from(NOTICES_DUE));
        managementService().executeJob(deadline.getId());
        runDueJobsExcept("ServiceTask_SendNoticeBatch");

        Assertions.assertThat(alerts).containsExactly("NOTICES_LATE");
        Task late = taskQuery().taskDefinitionKey("UserTask_HandleLateNotices").singleResult();
        assertThat(late).hasCandidateGroup("dpo");
        // Sending goes on beside the escalation.
        assertThat(pi).isWaitingAt("ServiceTask_SendNoticeBatch");

        runDueJobs();
        assertThat(pi).hasPassed("ServiceTask_CompleteNotices");
        complete(late, Variables.createVariables().putValue("lateNoticesCause", "SMTP_OUTAGE")
                .putValue("lateNoticesActions", "Mail relay restarted; incident retried."));
        complete(taskQuery().taskDefinitionKey("UserTask_NotifyAuthority").singleResult(), Variables.createVariables()
                .putValue("authorityName", "ICO").putValue("authorityReference", "ICO-123"));
        assertThat(pi).isEnded().hasPassed("EndEvent_LateNoticesHandled", "EndEvent_BreachHandled");
    }

    @Test
    void shouldAlertTheDpoSeventyTwoHoursAfterDetectionWhileTheAuthorityIsNotNotified() {
        ProcessInstance pi = start(1);
        runDueJobs();
        assertThat(pi).isWaitingAt("UserTask_NotifyAuthority").hasPassed("ServiceTask_CompleteNotices");

        Job timer = managementService().createJobQuery().timers().activityId("BoundaryEvent_AuthorityNoticeDue")
                .singleResult();
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(AUTHORITY_DUE));
        ClockUtil.setCurrentTime(Date.from(AUTHORITY_DUE.plusSeconds(1)));
        managementService().executeJob(timer.getId());
        runDueJobs();

        Assertions.assertThat(alerts).containsExactly("AUTHORITY_NOTICE_OVERDUE");
        assertThat(pi).hasPassed("EndEvent_AuthorityOverdueAlerted").isWaitingAt("UserTask_NotifyAuthority");
        complete(task(pi), Variables.createVariables().putValue("authorityName", "ICO")
                .putValue("authorityReference", "ICO-123").putValue("authorityDelayReason", "Facts unclear until day 4."));
        assertThat(pi).isEnded();
    }

    @Test
    void shouldWaitAndClaimAgainWhileOtherSendersHoldClaims() {
        senderOutcomes.add("WAITING");
        ProcessInstance pi = start(1);
        runDueJobs();
        assertThat(pi).isWaitingAt("IntermediateCatchEvent_LeaseWait");

        ClockUtil.setCurrentTime(Date.from(DETECTED_AT.plus(Duration.ofMinutes(6))));
        runDueJobs();
        Assertions.assertThat(sendersRun).hasSize(2);
        assertThat(pi).hasPassed("ServiceTask_CompleteNotices");
    }

    private ProcessInstance start(int sendingSlots) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("breachId", "breach-1");
        variables.put("breachReference", REFERENCE);
        variables.put("noticeDueAt", Date.from(NOTICES_DUE));
        variables.put("authorityDueAt", Date.from(AUTHORITY_DUE));
        variables.put("sendingSlots", sendingSlots);
        return runtimeService().startProcessInstanceByKey("BreachNotificationProcess", REFERENCE, variables);
    }

    private void runDueJobs() {
        runDueJobsExcept(null);
    }

    private void runDueJobsExcept(String activityId) {
        for (int round = 0; round < 20; round++) {
            List<String> skipped = activityId == null ? List.of() : managementService().createJobQuery()
                    .activityId(activityId).list().stream().map(Job::getId).toList();
            List<Job> jobs = managementService().createJobQuery().executable().list().stream()
                    .filter(job -> !skipped.contains(job.getId())).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService().executeJob(job.getId()));
        }
        throw new AssertionError("Jobs kept creating jobs");
    }
}
