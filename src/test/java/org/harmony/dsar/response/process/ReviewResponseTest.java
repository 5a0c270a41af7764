package org.harmony.dsar.response.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.mockito.ProcessExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.deadline.BusinessCalendars;
import org.harmony.dsar.deadline.DeadlineProperties;
import org.harmony.dsar.deadline.process.DeadlineTimers;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.response.ReviewProperties;
import org.harmony.dsar.response.ReviewRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for the final review of DsarProcess.bpmn: the four-eyes rule and the deny outcome, with the real
 * review listener; who prepared the case comes from a stand-in of the audit trail.
 */
@Deployment(resources = {"processes/DsarProcess.bpmn", "forms/ReviewResponseForm.form",
        "forms/FulfilManuallyForm.form", "forms/DeadlineBreachForm.form"})
class ReviewResponseTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml")
                    .excludeProcessDefinitionKeys("FulfilmentProcess")
                    .build();

    private final List<String> mails = new ArrayList<>();
    private final AccessPackages packages = mock(AccessPackages.class);
    private final List<String> stages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        DeadlineProperties properties = new DeadlineProperties(Map.of(), List.of(), LocalTime.of(9, 0), "EU");
        Mocks.register("deadlineTimers", new DeadlineTimers(new BusinessCalendars(properties), properties));
        Mocks.register("trackStageListener", (ExecutionListener) execution -> stages.add(
                ((org.camunda.bpm.model.bpmn.instance.FlowNode) execution.getBpmnModelElementInstance()).getId()));
        Mocks.register("sendRequesterMailDelegate", (JavaDelegate) execution -> mails.add(
                execution.getVariable("mailTemplate") + ":" + execution.getVariable("mailReason")));
        Mocks.register("sendResponseDelegate", (JavaDelegate) execution -> mails.add(
                execution.getVariable("mailTemplate") + ":" + execution.getVariable("mailReason")));
        Mocks.register("endRequestListener", (ExecutionListener) execution -> { });
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("describeCaseListener");
        fourEyes(true);
    }

    @AfterEach
    void tearDown() {
        extension.getProcessEngine().getIdentityService().clearAuthentication();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldRefuseApprovalByTheOfficerWhoPreparedTheCase() {
        ProcessInstance pi = startAtReview();
        loggedIn("alice");

        Assertions.assertThatThrownBy(() -> taskService().complete(task(pi).getId(),
                        Variables.createVariables().putValue("reviewDecision", "APPROVE")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Four-eyes rule").hasMessageContaining("another compliance officer");

        assertThat(pi).isWaitingAt("UserTask_ReviewResponse");
    }

    @Test
    void shouldLetAnotherOfficerApprove() {
        ProcessInstance pi = startAtReview();
        loggedIn("bob");

        taskService().complete(task(pi).getId(), Variables.createVariables().putValue("reviewDecision", "APPROVE"));

        assertThat(pi).isWaitingAt("ServiceTask_SendResponse");
        verify(packages, never()).discardUnreleased(anyString(), anyString());
    }

    @Test
    void shouldLetThePreparerSendBack() {
        org.camunda.bpm.engine.repository.Deployment fulfilment = ProcessExpressions
                .registerCallActivityMock("FulfilmentProcess").deploy(BpmnAwareTests.repositoryService());
        try {
            ProcessInstance pi = startAtReview();
            loggedIn("alice");

            taskService().complete(task(pi).getId(),
                    Variables.createVariables().putValue("reviewDecision", "SEND_BACK"));

            assertThat(pi).hasPassed("Gateway_StartFulfilment", "CallActivity_FulfilRequest")
                    .isWaitingAt("UserTask_ReviewResponse");
            verify(packages).discardUnreleased(anyString(), org.mockito.ArgumentMatchers.eq("SEND_BACK"));
        } finally {
            BpmnAwareTests.repositoryService().deleteDeployment(fulfilment.getId(), true);
        }
    }

    @Test
    void shouldLetThePreparerApproveWhenFourEyesIsOff() {
        fourEyes(false);
        ProcessInstance pi = startAtReview();
        loggedIn("alice");

        taskService().complete(task(pi).getId(), Variables.createVariables().putValue("reviewDecision", "APPROVE"));

        assertThat(pi).isWaitingAt("ServiceTask_SendResponse");
    }

    @Test
    void shouldRefuseADenialWithoutReason() {
        ProcessInstance pi = startAtReview();
        loggedIn("bob");

        Assertions.assertThatThrownBy(() -> taskService().complete(task(pi).getId(),
                        Variables.createVariables().putValue("reviewDecision", "DENY")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reason code");
        assertThat(pi).isWaitingAt("UserTask_ReviewResponse");
    }

    @Test
    void shouldDenyWithReasonAndTellTheRequesterTheReasonAndTheirRights() {
        ProcessInstance pi = startAtReview();
        loggedIn("bob");

        taskService().complete(task(pi).getId(), Variables.createVariables().putValue("reviewDecision", "DENY")
                .putValue("denialReason", "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE"));
        execute(job("ServiceTask_SendDenial", pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_RequestDenied").hasNotPassed("ServiceTask_SendResponse");
        Assertions.assertThat(mails).containsExactly("request-denied:MANIFESTLY_UNFOUNDED_OR_EXCESSIVE");
        Assertions.assertThat(stages).endsWith("EndEvent_RequestDenied");
        verify(packages).discardUnreleased(anyString(), org.mockito.ArgumentMatchers.eq("DENY"));
    }

    private void fourEyes(boolean on) {
        ReviewRules rules = spy(new ReviewRules(new ReviewProperties(on), null, null));
        doReturn(Optional.of("alice")).when(rules).lastPreparer(anyString());
        doNothing().when(rules).recordDecision(anyString(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        Mocks.register("checkReviewDecisionListener", new CheckReviewDecisionListener(rules, packages,
                org.mockito.Mockito.mock(org.harmony.dsar.response.ReviewFees.class),
                org.mockito.Mockito.mock(org.harmony.dsar.response.PortabilityTransmissions.class)));
    }

    private static void loggedIn(String user) {
        extension.getProcessEngine().getIdentityService().setAuthenticatedUserId(user);
    }

    private static ProcessInstance startAtReview() {
        return runtimeService().createProcessInstanceByKey("DsarProcess")
                .businessKey("DSAR-REVIE-00001")
                .setVariables(Variables.createVariables().putValue("requestId", "request-3")
                        .putValue("requestReference", "DSAR-REVIE-00001").putValue("requestType", "ACCESS")
                        .putValue("jurisdiction", "EU")
                        .putValue("dueAt", Date.from(Instant.parse("2099-01-15T23:59:59Z"))))
                .startBeforeActivity("UserTask_ReviewResponse")
                .execute();
    }
}
