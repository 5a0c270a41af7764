package org.harmony.dsar.fulfilment.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.times;

import java.time.Instant;
import java.util.Date;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Process test for ObjectionProcess.bpmn with its decision table ObjectionRoute.dmn: direct marketing stops without
 * weighing; other processing is weighed by an officer, who stops it or continues it on compelling grounds.
 */
class ObjectionProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String BPMN = "processes/ObjectionProcess.bpmn";
    private static final String DMN = "processes/ObjectionRoute.dmn";
    private static final String FORM = "forms/WeighObjectionForm.form";
    private static final String REQUEST_REFERENCE = "DSAR-2025-000125";
    private static final Date DUE_AT = Date.from(Instant.parse("2025-11-20T17:00:00Z"));

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registerJavaDelegateMock("applySuppressionDelegate").onExecutionSetVariables(Variables.createVariables()
                .putValue("fulfilmentNote", "Updated: Newsletter subscriptions"));
        registerJavaDelegateMock("recordProcessingContinuesDelegate").onExecutionSetVariables(Variables
                .createVariables().putValue("fulfilmentNote", "Objection weighed: the processing continues"));
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("recordObjectionDecisionListener");
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, FORM})
    void shouldStopDirectMarketingAtOnceWithoutWeighing() {
        ProcessInstance pi = start("DIRECT_MARKETING");

        execute(jobQuery().singleResult());
        assertThat(pi).isWaitingAt("ServiceTask_StopProcessing").variables()
                .containsEntry("objectionRoute", "SUPPRESS");
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_ReadObjection",
                "BusinessRuleTask_DecideObjectionRoute", "ServiceTask_StopProcessing", "EndEvent_ProcessingStopped")
                .hasNotPassed("UserTask_WeighObjection");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Updated: Newsletter subscriptions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP_PROCESSING", "DIRECT_MARKETING"})
    @Deployment(resources = {BPMN, DMN, FORM})
    void shouldStopTheProcessingWhenTheOfficerFindsNoCompellingGrounds(String decision) {
        ProcessInstance pi = start("OTHER_PROCESSING");
        execute(jobQuery().singleResult());

        assertThat(pi).isWaitingAt("UserTask_WeighObjection").variables().containsEntry("objectionRoute", "WEIGH");
        Task weigh = task(pi);
        assertThat(weigh).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        complete(weigh, withVariables("objectionDecision", decision));
        verifyTaskListenerMock("recordObjectionDecisionListener").executed(times(1));
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassedInOrder("UserTask_WeighObjection", "Gateway_CompellingGrounds",
                "ServiceTask_StopProcessing", "EndEvent_ProcessingStopped");
        verifyJavaDelegateMock("recordProcessingContinuesDelegate").executedNever();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, FORM})
    void shouldLetTheProcessingContinueOnCompellingLegitimateGrounds() {
        ProcessInstance pi = start("OTHER_PROCESSING");
        execute(jobQuery().singleResult());

        complete(task(pi), withVariables("objectionDecision", "CONTINUE_PROCESSING",
                "compellingGrounds", "Fraud prevention on the account, required by our payment provider"));
        assertThat(pi).isWaitingAt("ServiceTask_RecordProcessingContinues");
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassed("EndEvent_ProcessingContinues").hasNotPassed("ServiceTask_StopProcessing");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Objection weighed: the processing continues");
        verifyJavaDelegateMock("applySuppressionDelegate").executedNever();
    }

    private static ProcessInstance start(String objectsTo) {
        registerJavaDelegateMock("readObjectionDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("objectsTo", objectsTo));
        return runtimeService().startProcessInstanceByKey(RightsVariables.OBJECTION_PROCESS_KEY, REQUEST_REFERENCE,
                Variables.createVariables()
                        .putValue("requestId", "request-44")
                        .putValue("requestReference", REQUEST_REFERENCE)
                        .putValue("jurisdiction", "EU")
                        .putValue("dueAt", DUE_AT));
    }
}
