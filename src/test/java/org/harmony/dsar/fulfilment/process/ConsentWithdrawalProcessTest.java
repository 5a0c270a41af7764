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

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
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

/** Process test for ConsentWithdrawalProcess.bpmn: consents named with the request, or chosen by an officer. */
class ConsentWithdrawalProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String BPMN = "processes/ConsentWithdrawalProcess.bpmn";
    private static final String FORM = "forms/ChooseConsentsForm.form";
    private static final String REQUEST_REFERENCE = "DSAR-2025-000124";
    private static final Date DUE_AT = Date.from(Instant.parse("2025-11-20T17:00:00Z"));

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registerJavaDelegateMock("applySuppressionDelegate").onExecutionSetVariables(Variables.createVariables()
                .putValue("fulfilmentNote", "Consent withdrawn: Offers newsletter, 1 record"));
        registerTaskListenerMock("prepareConsentChoicesListener");
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("recordChosenConsentsListener");
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldWithdrawTheConsentsTheRequesterNamedWithoutATask() {
        registerJavaDelegateMock("checkNamedConsentsDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("consentsNamed", 2));
        ProcessInstance pi = start();

        execute(jobQuery().singleResult());
        assertThat(pi).isWaitingAt("ServiceTask_WithdrawNamedConsents");
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_CheckNamedConsents", "Gateway_ConsentsNamed",
                "ServiceTask_WithdrawNamedConsents", "EndEvent_ConsentsWithdrawn").hasNotPassed("UserTask_ChooseConsents");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Consent withdrawn: Offers newsletter, 1 record");
        verifyTaskListenerMock("recordChosenConsentsListener").executedNever();
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldLetAnOfficerChooseFromTheConsentsFoundWhenNoneWasNamed() {
        registerJavaDelegateMock("checkNamedConsentsDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("consentsNamed", 0));
        ProcessInstance pi = start();

        execute(jobQuery().singleResult());
        assertThat(pi).isWaitingAt("UserTask_ChooseConsents");
        Task choose = task(pi);
        assertThat(choose).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        verifyTaskListenerMock("prepareConsentChoicesListener").executed(times(1));
        verifyJavaDelegateMock("applySuppressionDelegate").executedNever();

        complete(choose, withVariables("consentsToWithdraw", "[\"newsletter-offers\"]"));
        verifyTaskListenerMock("validateFormSubmissionListener").executed(times(1));
        verifyTaskListenerMock("recordChosenConsentsListener").executed(times(1));
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassedInOrder("UserTask_ChooseConsents", "ServiceTask_WithdrawNamedConsents",
                "EndEvent_ConsentsWithdrawn");
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldKeepTheTaskOpenWhenTheChoiceIsRefused() {
        registerJavaDelegateMock("checkNamedConsentsDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("consentsNamed", 0));
        Mocks.register("recordChosenConsentsListener", (TaskListener) task -> {
            throw new BadUserRequestException("Not among the consents found for the subject: partner-sharing");
        });
        ProcessInstance pi = start();
        execute(jobQuery().singleResult());

        Task choose = task(pi);
        Assertions.assertThatThrownBy(() -> complete(choose, withVariables("consentsToWithdraw", "[\"partner-sharing\"]")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("partner-sharing");

        assertThat(pi).isWaitingAt("UserTask_ChooseConsents").hasNotPassed("ServiceTask_WithdrawNamedConsents");
        verifyJavaDelegateMock("applySuppressionDelegate").executedNever();
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(RightsVariables.CONSENT_WITHDRAWAL_PROCESS_KEY,
                REQUEST_REFERENCE, Variables.createVariables()
                        .putValue("requestId", "request-43")
                        .putValue("requestReference", REQUEST_REFERENCE)
                        .putValue("dueAt", DUE_AT));
    }
}
