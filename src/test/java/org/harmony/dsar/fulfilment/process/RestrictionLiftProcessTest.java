package org.harmony.dsar.fulfilment.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;

import java.time.Instant;
import java.util.Date;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for RestrictionLiftProcess.bpmn: started by message for a restriction; the officer keeps it, or lifts
 * it: the requester is told first, and the lift waits for the end of the notice period.
 */
class RestrictionLiftProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String BPMN = "processes/RestrictionLiftProcess.bpmn";
    private static final String FORM = "forms/LiftRestrictionForm.form";
    private static final String REQUEST_REFERENCE = "DSAR-2025-000126";
    private static final Date NOT_BEFORE = Date.from(Instant.parse("2030-01-08T10:00:00Z"));

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registerJavaDelegateMock("sendRequesterMailDelegate");
        registerJavaDelegateMock("liftRestrictionDelegate");
        registerTaskListenerMock("validateFormSubmissionListener");
        Mocks.register("recordLiftDecisionListener", (TaskListener) task -> {
            if ("LIFT".equals(task.getVariable("liftDecision"))) {
                task.setVariable("liftNotBefore", NOT_BEFORE);
            }
        });
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldTellTheRequesterThenWaitForTheNoticePeriodThenLift() {
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("UserTask_LiftRestriction");
        Task lift = task(pi);
        assertThat(lift).hasCandidateGroup("complianceOfficers");
        Assertions.assertThat(lift.getDueDate()).isAfter(new Date());
        complete(lift, withVariables("liftDecision", "LIFT", "liftReason", "RESTRICTION-ACCURACY-VERIFIED"));

        assertThat(pi).isWaitingAt("ServiceTask_SendLiftNotice");
        verifyJavaDelegateMock("liftRestrictionDelegate").executedNever();
        execute(jobQuery().singleResult());
        verifyJavaDelegateMock("sendRequesterMailDelegate").executed();

        assertThat(pi).isWaitingAt("TimerEvent_NoticePeriodOver");
        Job timer = job();
        Assertions.assertThat(timer.getDuedate()).isEqualTo(NOT_BEFORE);
        verifyJavaDelegateMock("liftRestrictionDelegate").executedNever();
        execute(timer);
        assertThat(pi).isWaitingAt("ServiceTask_LiftRestriction");
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassedInOrder("UserTask_LiftRestriction", "ServiceTask_SendLiftNotice",
                "TimerEvent_NoticePeriodOver", "ServiceTask_LiftRestriction", "EndEvent_RestrictionLifted");
        verifyJavaDelegateMock("liftRestrictionDelegate").executed();
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldChangeNothingWhenTheOfficerKeepsTheRestriction() {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("liftDecision", "KEEP"));

        assertThat(pi).isEnded().hasPassed("EndEvent_RestrictionKept").hasNotPassed("ServiceTask_SendLiftNotice");
        verifyJavaDelegateMock("sendRequesterMailDelegate").executedNever();
        verifyJavaDelegateMock("liftRestrictionDelegate").executedNever();
    }

    private static ProcessInstance start() {
        return runtimeService().createMessageCorrelation(RestrictionLifts.START_MESSAGE)
                .processInstanceBusinessKey(REQUEST_REFERENCE)
                .setVariable("requestId", "request-45")
                .setVariable("requestReference", REQUEST_REFERENCE)
                .setVariable("jurisdiction", "EU")
                .correlateStartMessage();
    }
}
