package org.harmony.dsar.fulfilment.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Process test for FulfilmentProcess.bpmn: one path per request type, delegates mocked. */
class FulfilmentProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    private static final String PROCESS_KEY = "FulfilmentProcess";
    private static final String BPMN = "processes/FulfilmentProcess.bpmn";
    private static final String FULFIL_FORM = "forms/FulfilManuallyForm.form";
    private static final String REQUEST_REFERENCE = "DSAR-2025-000123";
    private static final Date DUE_AT = Date.from(Instant.parse("2025-11-20T17:00:00Z"));

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registerJavaDelegateMock("lookUpSubjectDataDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("lookupSummary", "3 sources, 41 records"));
        registerJavaDelegateMock("buildAccessPackageDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("packageSummary", "1 archive, 41 records"));
        registerTaskListenerMock("validateFormSubmissionListener");
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCESS", "PORTABILITY"})
    @Deployment(resources = {BPMN, FULFIL_FORM})
    void shouldLookUpAndBuildPackageForAccessAndPortability(String requestType) {
        ProcessInstance pi = start(requestType);

        assertThat(pi).isWaitingAt("ServiceTask_LookUpSubjectData");
        execute(job(pi));
        assertThat(pi).isWaitingAt("ServiceTask_BuildAccessPackage");
        execute(job(pi));

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_LookUpSubjectData", "ServiceTask_BuildAccessPackage",
                "EndEvent_RequestFulfilled").hasNotPassed("UserTask_FulfilManually");
        assertThat(pi).variables().containsEntry("lookupSummary", "3 sources, 41 records")
                .containsEntry("packageSummary", "1 archive, 41 records");
        verifyJavaDelegateMock("lookUpSubjectDataDelegate").executed(times(1));
        verifyJavaDelegateMock("buildAccessPackageDelegate").executed(times(1));
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM})
    void shouldFulfilOtherRightsManually() {
        ProcessInstance pi = start("ERASURE");

        assertThat(pi).isWaitingAt("UserTask_FulfilManually");
        Task fulfilment = task(pi);
        assertThat(fulfilment).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        complete(fulfilment, withVariables("fulfilmentNote", "CRM and billing: 12 records erased"));

        assertThat(pi).isEnded().hasPassed("EndEvent_RequestFulfilled").hasNotPassed("ServiceTask_LookUpSubjectData");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "CRM and billing: 12 records erased");
        verifyTaskListenerMock("validateFormSubmissionListener").executed(times(1));
    }

    private static ProcessInstance start(String requestType) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST_REFERENCE, variables(requestType));
    }

    private static VariableMap variables(String requestType) {
        return Variables.createVariables()
                .putValue("requestId", "request-42")
                .putValue("requestReference", REQUEST_REFERENCE)
                .putValue("requestType", requestType)
                .putValue("jurisdiction", "EU")
                .putValue("dueAt", DUE_AT)
                .putValue("legalHoldActive", false);
    }
}
