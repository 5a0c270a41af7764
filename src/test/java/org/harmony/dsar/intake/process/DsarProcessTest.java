package org.harmony.dsar.intake.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.times;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.community.mockito.ProcessExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.deadline.BusinessCalendars;
import org.harmony.dsar.deadline.DeadlineProperties;
import org.harmony.dsar.deadline.process.DeadlineRules;
import org.harmony.dsar.deadline.process.DeadlineTimers;
import org.harmony.dsar.models.DeployedForms;
import org.harmony.dsar.request.RequestType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Process test for DsarProcess.bpmn: the happy path once end to end, every detour started near its element.
 * Called processes are replaced by mocks; the ResponseDeadline table and both forms are deployed for real.
 */
class DsarProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml")
                    .excludeProcessDefinitionKeys("IdentityVerificationProcess", "LegalHoldCheckProcess", "FulfilmentProcess")
                    .build();

    private static final String PROCESS_KEY = "DsarProcess";
    private static final String BPMN = "processes/DsarProcess.bpmn";
    private static final String DMN = "processes/ResponseDeadline.dmn";
    private static final String REVIEW_FORM = "forms/ReviewResponseForm.form";
    private static final String WITHOUT_EMAIL_FORM = "forms/FulfilWithoutEmailForm.form";

    private static final String REQUEST_REFERENCE = "DSAR-2025-000123";
    private static final Date DUE_AT = Date.from(Instant.parse("2099-11-20T17:00:00Z"));

    /** mailTemplate as the mail delegate saw it, one entry per execution. */
    private final List<Object> sentMailTemplates = new ArrayList<>();
    /** dsarStage of every element whose stage listener ran, in order. */
    private final List<String> trackedStages = new ArrayList<>();
    /** requestId of every instance whose end listener ran (the copies of the subject's data are deleted then). */
    private final List<Object> endedRequests = new ArrayList<>();
    /** responsePeriod as the due date delegate saw it. */
    private final List<Object> periodsSeenByDueDate = new ArrayList<>();
    /** business key and variables each called process started with, by process key. */
    private final Map<String, Map<String, Object>> calledProcessInputs = new HashMap<>();
    private final List<Deployment> mockDeployments = new ArrayList<>();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        DeadlineRules rules = new DeadlineRules(extension.getProcessEngine().getDecisionService());
        Mocks.register("determineDeadlineDelegate", (JavaDelegate) execution -> {
            DeadlineRules.ResponseRule rule = rules.responseDeadline((String) execution.getVariable("jurisdiction"),
                    RequestType.valueOf((String) execution.getVariable("requestType")));
            execution.setVariable("responsePeriod", rule.responsePeriod());
            execution.setVariable("deadlineCounting", rule.counting().name());
        });
        DeadlineProperties deadlineProperties = new DeadlineProperties(Map.of(), List.of(), LocalTime.of(9, 0), "EU");
        Mocks.register("deadlineTimers", new DeadlineTimers(new BusinessCalendars(deadlineProperties),
                deadlineProperties));
        Mocks.register("recalculateDeadlineTimersListener", (ExecutionListener) execution -> { });
        registerJavaDelegateMock("remindWorkingGroupDelegate");
        registerJavaDelegateMock("recordDeadlineBreachDelegate");
        Mocks.register("recordDueDateDelegate", (JavaDelegate) execution -> {
            periodsSeenByDueDate.add(execution.getVariable("responsePeriod"));
            execution.setVariable("dueAt", DUE_AT);
        });
        Mocks.register("sendRequesterMailDelegate",
                (JavaDelegate) execution -> sentMailTemplates.add(execution.getVariable("mailTemplate")));
        Mocks.register("sendResponseDelegate",
                (JavaDelegate) execution -> sentMailTemplates.add(execution.getVariable("mailTemplate")));
        Mocks.register("endRequestListener", (ExecutionListener) execution -> endedRequests.add(
                execution.getVariable("requestId")));
        Mocks.register("sendAcknowledgementDelegate",
                (JavaDelegate) execution -> sentMailTemplates.add(execution.getVariable("mailTemplate")));
        Mocks.register("trackStageListener", (ExecutionListener) execution -> trackedStages.add(stageOf(execution)));
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("describeCaseListener");
        registerTaskListenerMock("checkReviewDecisionListener");
    }

    @AfterEach
    void removeMocks() {
        mockDeployments.forEach(deployment -> repositoryService().deleteDeployment(deployment.getId(), true));
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldSendAccessResponseWhenVerifiedAccessRequestIsApproved() throws IOException {
        mockCalledProcess("IdentityVerificationProcess", Map.of("identityVerified", true));
        mockCalledProcess("LegalHoldCheckProcess", Map.of("legalHoldActive", false));
        mockCalledProcess("FulfilmentProcess",
                Map.of("lookupSummary", "3 sources, 41 records", "packageSummary", "1 archive, 41 records"));

        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST_REFERENCE,
                requestVariables("ACCESS", "EU"));

        assertThat(pi).isWaitingAt("ServiceTask_SendAcknowledgement");
        Assertions.assertThat(periodsSeenByDueDate).containsExactly("P1M");
        assertThat(pi).variables().containsEntry("responsePeriod", "P1M").containsEntry("dueAt", DUE_AT)
                .containsEntry("deadlineCounting", "CALENDAR_TO_WORKING_DAY");

        execute(job("ServiceTask_SendAcknowledgement", pi));
        assertThat(pi).variables().containsEntry("identityVerified", true).containsEntry("legalHoldActive", false);
        Assertions.assertThat(calledProcessInputs.get("IdentityVerificationProcess")).isEqualTo(Map.of(
                "businessKey", REQUEST_REFERENCE, "requestId", "request-42", "requestReference", REQUEST_REFERENCE,
                "requestType", "ACCESS", "jurisdiction", "EU", "dueAt", DUE_AT, "responsePeriod", "P1M"));
        Assertions.assertThat(calledProcessInputs.get("LegalHoldCheckProcess")).isEqualTo(Map.of(
                "businessKey", REQUEST_REFERENCE, "requestId", "request-42", "requestReference", REQUEST_REFERENCE,
                "requestType", "ACCESS", "jurisdiction", "EU", "dueAt", DUE_AT));
        Assertions.assertThat(calledProcessInputs.get("FulfilmentProcess")).isEqualTo(Map.of(
                "businessKey", REQUEST_REFERENCE, "requestId", "request-42", "requestReference", REQUEST_REFERENCE,
                "requestType", "ACCESS", "jurisdiction", "EU", "dueAt", DUE_AT, "legalHoldActive", false));

        assertThat(pi).isWaitingAt("UserTask_ReviewResponse");
        Task review = task(pi);
        assertThat(review).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        Assertions.assertThat(DeployedForms.ofTask(formService(), review)).contains("\"id\": \"ReviewResponseForm\"");
        assertThat(pi).variables()
                .containsEntry("lookupSummary", "3 sources, 41 records")
                .containsEntry("packageSummary", "1 archive, 41 records");

        complete(review, withVariables("reviewDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("ServiceTask_SendResponse");
        execute(job("ServiceTask_SendResponse", pi));

        assertThat(pi).isEnded().hasPassedInOrder(
                "StartEvent_RequestReceived", "BusinessRuleTask_DetermineDeadline", "ServiceTask_RecordDueDate",
                "ServiceTask_SendAcknowledgement", "CallActivity_VerifyIdentity", "Gateway_IdentityVerified",
                "CallActivity_CheckLegalHolds", "Gateway_StartFulfilment", "CallActivity_FulfilRequest",
                "UserTask_ReviewResponse", "ServiceTask_SendResponse", "EndEvent_ResponseSent");
        assertThat(pi).hasNotPassed("EndEvent_ClosedUnverified");
        Assertions.assertThat(sentMailTemplates).containsExactly("acknowledgement", "access-response");
        Assertions.assertThat(trackedStages).containsExactly("RECEIVED", "VERIFYING_IDENTITY",
                "CHECKING_LEGAL_HOLDS", "FULFILLING", "IN_REVIEW", "COMPLETED");
        verifyTaskListenerMock("validateFormSubmissionListener").executed(times(1));
        Assertions.assertThat(endedRequests).containsExactly("request-42");
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldCloseUnverifiedWhenIdentityIsNotVerified() {
        mockCalledProcess("IdentityVerificationProcess", Map.of("identityVerified", false));

        ProcessInstance pi = startBefore("CallActivity_VerifyIdentity", requestVariables("ACCESS", "US-CA"));

        assertThat(pi).hasPassed("Gateway_IdentityVerified").isWaitingAt("ServiceTask_SendClosedUnverified");
        execute(job("ServiceTask_SendClosedUnverified", pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_ClosedUnverified")
                .hasNotPassed("CallActivity_CheckLegalHolds", "EndEvent_ResponseSent");
        Assertions.assertThat(sentMailTemplates).containsExactly("closed-unverified");
        Assertions.assertThat(trackedStages).containsExactly("VERIFYING_IDENTITY", "CLOSED_UNVERIFIED");
        Assertions.assertThat(endedRequests).hasSize(1);
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldCloseWithoutAnotherMailWhenIdentityIsUnverifiable() {
        // The verification process has already told the requester why, with their rights.
        mockCalledProcess("IdentityVerificationProcess",
                Map.of("identityVerified", false, "verificationOutcome", "UNVERIFIABLE"));

        ProcessInstance pi = startBefore("CallActivity_VerifyIdentity", requestVariables("ACCESS", "US-CA"));

        assertThat(pi).isEnded().hasPassed("Gateway_IdentityVerified", "EndEvent_ClosedUnverified")
                .hasNotPassed("ServiceTask_SendClosedUnverified", "CallActivity_CheckLegalHolds");
        Assertions.assertThat(sentMailTemplates).isEmpty();
        Assertions.assertThat(trackedStages).containsExactly("VERIFYING_IDENTITY", "CLOSED_UNVERIFIED");
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldTakeTheDueDateTheVerificationRestartedFrom() {
        Date restarted = Date.from(Instant.parse("2025-12-24T23:59:59Z"));
        mockCalledProcess("IdentityVerificationProcess",
                Map.of("identityVerified", true, "verificationOutcome", "VERIFIED", "dueAt", restarted));
        mockCalledProcess("LegalHoldCheckProcess", Map.of("legalHoldActive", false));
        mockCalledProcess("FulfilmentProcess", Map.of("fulfilmentNote", "CRM: 2 records erased"));

        ProcessInstance pi = startBefore("CallActivity_VerifyIdentity", requestVariables("ERASURE", "UK"));

        assertThat(pi).isWaitingAt("UserTask_ReviewResponse");
        assertThat(task(pi)).hasDueDate(restarted);
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldPassFulfilmentOutcomeToReviewAndSendCompletionNotice() {
        mockCalledProcess("FulfilmentProcess", Map.of("lookupSummary", "2 sources, 12 records",
                "fulfilmentNote", "CRM and billing: 12 records erased"));

        ProcessInstance pi = startBefore("Gateway_StartFulfilment",
                requestVariables("ERASURE", "UK").putValue("legalHoldActive", true));

        assertThat(pi).hasPassed("CallActivity_FulfilRequest").isWaitingAt("UserTask_ReviewResponse");
        Assertions.assertThat(calledProcessInputs.get("FulfilmentProcess"))
                .containsEntry("requestType", "ERASURE").containsEntry("legalHoldActive", true);
        assertThat(pi).variables().containsEntry("fulfilmentNote", "CRM and billing: 12 records erased")
                .containsEntry("lookupSummary", "2 sources, 12 records");

        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        execute(job("ServiceTask_SendResponse", pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_ResponseSent");
        Assertions.assertThat(sentMailTemplates).containsExactly("request-completed");
        Assertions.assertThat(trackedStages).containsExactly("FULFILLING", "IN_REVIEW", "COMPLETED");
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldSendTheDenialWithoutFulfilmentWhenLegalReviewDenies() {
        mockCalledProcess("LegalHoldCheckProcess", Map.of("legalHoldActive", true, "legalHoldOutcome", "DENY",
                "legalDenialReason", "LEGAL_HOLD"));

        ProcessInstance pi = startBefore("CallActivity_CheckLegalHolds", requestVariables("ERASURE", "EU"));
        execute(job("ServiceTask_SendDenial", pi));

        assertThat(pi).isEnded().hasPassedInOrder("CallActivity_CheckLegalHolds", "Gateway_LegalHoldOutcome",
                "ServiceTask_SendDenial", "EndEvent_RequestDenied").hasNotPassed("CallActivity_FulfilRequest");
        assertThat(pi).variables().containsEntry("denialReason", "LEGAL_HOLD");
        Assertions.assertThat(sentMailTemplates).containsExactly("request-denied");
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldFulfilWhatHoldsDoNotKeepWhenTheCheckProceedsPartly() {
        mockCalledProcess("LegalHoldCheckProcess", Map.of("legalHoldActive", true, "legalHoldOutcome",
                "PROCEED_PARTLY"));
        mockCalledProcess("FulfilmentProcess", Map.of("fulfilmentNote", "Orders: kept 3"));

        ProcessInstance pi = startBefore("CallActivity_CheckLegalHolds", requestVariables("ERASURE", "EU"));

        assertThat(pi).hasPassed("Gateway_LegalHoldOutcome", "CallActivity_FulfilRequest")
                .isWaitingAt("UserTask_ReviewResponse");
        Assertions.assertThat(calledProcessInputs.get("FulfilmentProcess")).containsEntry("legalHoldActive", true);
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldFulfilAgainWhenReviewerSendsBack() {
        mockCalledProcess("FulfilmentProcess", Map.of("fulfilmentNote", "Billing: 3 records erased"));
        ProcessInstance pi = startBefore("UserTask_ReviewResponse",
                requestVariables("ERASURE", "BR").putValue("legalHoldActive", false));

        complete(task(pi), withVariables("reviewDecision", "SEND_BACK", "reviewComment", "Billing system missing"));

        assertThat(pi).hasPassedInOrder("UserTask_ReviewResponse", "Gateway_ReviewDecision", "Gateway_StartFulfilment",
                "Gateway_RequesterEmailGiven", "CallActivity_FulfilRequest").isWaitingAt("UserTask_ReviewResponse");
        Assertions.assertThat(sentMailTemplates).isEmpty();
        Assertions.assertThat(trackedStages).containsExactly("IN_REVIEW", "FULFILLING", "IN_REVIEW");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Billing: 3 records erased");
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM, WITHOUT_EMAIL_FORM})
    void shouldHaveAVerifiedRequestWithoutEmailHandledByHandBeforeReview() throws IOException {
        mockCalledProcess("IdentityVerificationProcess", Map.of("identityVerified", true,
                "verificationOutcome", "VERIFIED"));

        ProcessInstance pi = startBefore("CallActivity_VerifyIdentity",
                requestVariables("ERASURE", "UK").putValue("requesterEmailGiven", false));

        assertThat(pi).hasPassed("Gateway_IdentityVerified").isWaitingAt("UserTask_FulfilWithoutEmail");
        Task byHand = task(pi);
        assertThat(byHand).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        Assertions.assertThat(DeployedForms.ofTask(formService(), byHand))
                .contains("\"id\": \"FulfilWithoutEmailForm\"");

        complete(byHand, withVariables("fulfilmentNote", "CRM: 2 records erased by hand; holds checked"));

        assertThat(pi).isWaitingAt("UserTask_ReviewResponse");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "CRM: 2 records erased by hand; holds checked");
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        execute(job("ServiceTask_SendResponse", pi));

        assertThat(pi).isEnded().hasPassedInOrder("CallActivity_VerifyIdentity", "Gateway_IdentityVerified",
                "UserTask_FulfilWithoutEmail", "UserTask_ReviewResponse", "ServiceTask_SendResponse",
                "EndEvent_ResponseSent")
                .hasNotPassed("CallActivity_CheckLegalHolds", "CallActivity_FulfilRequest",
                        "EndEvent_ClosedUnverified");
        Assertions.assertThat(calledProcessInputs).containsOnlyKeys("IdentityVerificationProcess");
        Assertions.assertThat(sentMailTemplates).containsExactly("request-completed");
        Assertions.assertThat(trackedStages).containsExactly("VERIFYING_IDENTITY", "FULFILLING", "IN_REVIEW",
                "COMPLETED");
        verifyTaskListenerMock("validateFormSubmissionListener").executed(times(2));
    }

    @Test
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM, WITHOUT_EMAIL_FORM})
    void shouldHandARequestWithoutEmailBackToTheOfficerWhenReviewerSendsBack() {
        ProcessInstance pi = startBefore("UserTask_ReviewResponse",
                requestVariables("ACCESS", "UK").putValue("requesterEmailGiven", false));

        complete(task(pi), withVariables("reviewDecision", "SEND_BACK", "reviewComment", "Paper files not searched"));

        assertThat(pi).hasPassedInOrder("UserTask_ReviewResponse", "Gateway_ReviewDecision", "Gateway_StartFulfilment",
                "Gateway_RequesterEmailGiven").isWaitingAt("UserTask_FulfilWithoutEmail")
                .hasNotPassed("CallActivity_FulfilRequest");
        Assertions.assertThat(calledProcessInputs).isEmpty();
        Assertions.assertThat(sentMailTemplates).isEmpty();
        Assertions.assertThat(trackedStages).containsExactly("IN_REVIEW", "FULFILLING");
    }

    @ParameterizedTest
    @CsvSource({
            "ACCESS, access-response",
            "PORTABILITY, access-response",
            "ERASURE, request-completed",
            "OBJECTION, request-completed",
            "WITHDRAW_CONSENT, request-completed"})
    @org.camunda.bpm.engine.test.Deployment(resources = {BPMN, DMN, REVIEW_FORM})
    void shouldChooseResponseMailTemplateByRequestType(String requestType, String expectedTemplate) {
        ProcessInstance pi = startBefore("ServiceTask_SendResponse", requestVariables(requestType, "US-CO"));

        execute(job("ServiceTask_SendResponse", pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_ResponseSent");
        Assertions.assertThat(sentMailTemplates).containsExactly(expectedTemplate);
    }

    private ProcessInstance startBefore(String activityId, VariableMap variables) {
        return runtimeService().createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(REQUEST_REFERENCE)
                .setVariables(variables.putValue("dueAt", DUE_AT))
                .startBeforeActivity(activityId)
                .execute();
    }

    private static VariableMap requestVariables(String requestType, String jurisdiction) {
        return Variables.createVariables()
                .putValue("requestId", "request-42")
                .putValue("requestReference", REQUEST_REFERENCE)
                .putValue("requestType", requestType)
                .putValue("jurisdiction", jurisdiction);
    }

    /** Deploys a stand-in for a called process that records its inputs and sets its result variables. */
    private void mockCalledProcess(String processKey, Map<String, Object> results) {
        mockDeployments.add(ProcessExpressions.registerCallActivityMock(processKey)
                .onExecutionDo(execution -> {
                    Map<String, Object> inputs = new HashMap<>(execution.getVariables());
                    inputs.put("businessKey", execution.getProcessBusinessKey());
                    calledProcessInputs.put(processKey, inputs);
                    execution.setVariables(results);
                })
                .deploy(repositoryService()));
    }


    private static String stageOf(DelegateExecution execution) {
        BaseElement element = (BaseElement) execution.getBpmnModelElementInstance();
        ExtensionElements extensions = element.getExtensionElements();
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).singleResult()
                .getCamundaProperties().stream()
                .filter(property -> "dsarStage".equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElseThrow();
    }
}
