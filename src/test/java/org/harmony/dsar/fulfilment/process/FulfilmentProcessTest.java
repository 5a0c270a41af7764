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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Process test for FulfilmentProcess.bpmn: the lookup over every catalogue source, then one path per request type.
 * Delegates are mocked; the catalogue is a stand-in with three sources.
 */
class FulfilmentProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String PROCESS_KEY = "FulfilmentProcess";
    private static final String BPMN = "processes/FulfilmentProcess.bpmn";
    private static final String FULFIL_FORM = "forms/FulfilManuallyForm.form";
    private static final String CORRECTIONS_FORM = "forms/ReviewCorrectionsForm.form";
    private static final String INSTRUCTIONS = "processes/ProcessorInstructionProcess.bpmn";
    private static final String CONSENT_BPMN = "processes/ConsentWithdrawalProcess.bpmn";
    private static final String CONSENT_FORM = "forms/ChooseConsentsForm.form";
    private static final String OBJECTION_BPMN = "processes/ObjectionProcess.bpmn";
    private static final String OBJECTION_DMN = "processes/ObjectionRoute.dmn";
    private static final String OBJECTION_FORM = "forms/WeighObjectionForm.form";
    private static final String REQUEST_REFERENCE = "DSAR-2025-000123";
    private static final Date DUE_AT = Date.from(Instant.parse("2025-11-20T17:00:00Z"));
    private static final List<String> SOURCES = List.of("web-enquiries", "customer-accounts", "orders");

    /** sourceName as each lookup instance saw it. */
    private final List<Object> lookedUpSources = Collections.synchronizedList(new ArrayList<>());

    /** Stand-in for the catalogue bean the multi-instance reads its collection from. */
    public static class CatalogueStandIn {
        public List<String> names() {
            return SOURCES;
        }
    }

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("lookupSources", new CatalogueStandIn());
        Mocks.register("lookUpSourceDelegate",
                (JavaDelegate) execution -> lookedUpSources.add(execution.getVariable("sourceName")));
        registerJavaDelegateMock("summariseLookupDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("lookupSummary", "3 sources, 41 records"));
        registerJavaDelegateMock("buildAccessPackageDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("packageSummary", "1 archive, 41 records"));
        registerJavaDelegateMock("eraseSubjectDataDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("fulfilmentNote", "Orders: kept 4"));
        registerJavaDelegateMock("notifyRecipientsDelegate");
        registerJavaDelegateMock("sendProcessorInstructionsDelegate").onExecutionSetVariables(
                Variables.createVariables().putValue("processorInstructionCount", 0L));
        registerJavaDelegateMock("prepareCorrectionsDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("correctionCount", 2L));
        registerJavaDelegateMock("applyCorrectionsDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("fulfilmentNote", "Corrected: phone"));
        registerJavaDelegateMock("applySuppressionDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("fulfilmentNote", "Updated: 2 sources"));
        registerTaskListenerMock("validateFormSubmissionListener");
        registerTaskListenerMock("prepareCorrectionsReviewListener");
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldLookUpEverySourceInItsOwnJobThenBuildThePackage() {
        ProcessInstance pi = start("ACCESS");

        assertThat(pi).isWaitingAt("ServiceTask_LookUpSource");
        List<Job> lookups = jobQuery().activityId("ServiceTask_LookUpSource").list();
        Assertions.assertThat(lookups).hasSize(3).allSatisfy(job -> Assertions.assertThat(((JobEntity) job).isExclusive()).isFalse());
        lookups.forEach(BpmnAwareTests::execute);
        Assertions.assertThat(lookedUpSources).containsExactlyInAnyOrderElementsOf(SOURCES);

        jobQuery().activityId("EndEvent_SourceLookedUp").list().forEach(BpmnAwareTests::execute);
        assertThat(pi).hasPassed("ServiceTask_SummariseLookup").isWaitingAt("ServiceTask_BuildAccessPackage");
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassedInOrder("SubProcess_LookUpSources", "ServiceTask_SummariseLookup",
                "Gateway_FulfilmentRoute", "ServiceTask_BuildAccessPackage", "EndEvent_RequestFulfilled");
        assertThat(pi).variables().containsEntry("lookupSummary", "3 sources, 41 records")
                .containsEntry("packageSummary", "1 archive, 41 records");
        verifyJavaDelegateMock("eraseSubjectDataDelegate").executedNever();
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldLeaveASourceThatStaysDownAsAnIncidentAndWait() {
        Mocks.register("lookUpSourceDelegate", (JavaDelegate) execution -> {
            if ("orders".equals(execution.getVariable("sourceName"))) {
                throw new IllegalStateException("orders database unreachable");
            }
        });
        ProcessInstance pi = start("ACCESS");

        for (Job job : jobQuery().activityId("ServiceTask_LookUpSource").list()) {
            for (int attempt = 0; attempt < 5 && jobQuery().jobId(job.getId()).singleResult() != null
                    && jobQuery().jobId(job.getId()).singleResult().getRetries() > 0; attempt++) {
                try {
                    BpmnAwareTests.managementService().executeJob(job.getId());
                } catch (IllegalStateException expected) {
                    // the job keeps its failure and loses a retry
                }
            }
        }

        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).list())
                .singleElement().satisfies(incident -> Assertions.assertThat(incident.getIncidentMessage())
                        .contains("orders database unreachable"));
        assertThat(pi).isNotEnded().hasNotPassed("ServiceTask_SummariseLookup");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCESS", "PORTABILITY"})
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldBuildAPackageForAccessAndPortability(String requestType) {
        ProcessInstance pi = startAfterLookup(requestType);

        assertThat(pi).isWaitingAt("ServiceTask_BuildAccessPackage");
        execute(jobQuery().singleResult());

        assertThat(pi).isEnded().hasPassed("EndEvent_RequestFulfilled").hasNotPassed("UserTask_FulfilManually");
        verifyJavaDelegateMock("buildAccessPackageDelegate").executed(times(1));
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldEraseThenTellRecipients() {
        ProcessInstance pi = startAfterLookup("ERASURE");

        assertThat(pi).isWaitingAt("ServiceTask_EraseSubjectData");
        execute(jobQuery().singleResult());
        // asyncAfter: the erasure is committed before the mails go out, and never repeated for a mail failure
        assertThat(pi).isWaitingAt("ServiceTask_EraseSubjectData");
        execute(jobQuery().singleResult());
        assertThat(pi).isWaitingAt("ServiceTask_NotifyRecipients");
        execute(jobQuery().singleResult());
        instructNoProcessor(pi);

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_EraseSubjectData", "ServiceTask_NotifyRecipients",
                "CallActivity_InstructProcessors", "EndEvent_RequestFulfilled");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Orders: kept 4");
        verifyJavaDelegateMock("eraseSubjectDataDelegate").executed(times(1));
        verifyJavaDelegateMock("notifyRecipientsDelegate").executed(times(1));
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldApplyCorrectionsTheOfficerApproves() {
        ProcessInstance pi = startAfterLookup("RECTIFICATION");

        execute(jobQuery().singleResult());
        assertThat(pi).isWaitingAt("UserTask_ReviewCorrections");
        Task review = task(pi);
        assertThat(review).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        assertThat(pi).variables().containsEntry("correctionCount", 2L);

        complete(review, withVariables("correctionsDecision", "APPLY"));
        assertThat(pi).isWaitingAt("ServiceTask_ApplyCorrections");
        execute(jobQuery().singleResult());
        assertThat(pi).isWaitingAt("ServiceTask_NotifyRecipients");
        execute(jobQuery().singleResult());
        instructNoProcessor(pi);

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_ApplyCorrections", "ServiceTask_NotifyRecipients",
                "CallActivity_InstructProcessors", "EndEvent_RequestFulfilled");
        verifyJavaDelegateMock("notifyRecipientsDelegate").executed(times(1));
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Corrected: phone");
        verifyTaskListenerMock("validateFormSubmissionListener").executed(times(1));
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldChangeNothingWhenTheOfficerRejectsTheCorrections() {
        ProcessInstance pi = startAfterLookup("RECTIFICATION");
        execute(jobQuery().singleResult());

        complete(task(pi), withVariables("correctionsDecision", "REJECT",
                "fulfilmentNote", "Identity verified only with the field to be corrected"));

        assertThat(pi).isEnded().hasPassed("EndEvent_RequestFulfilled").hasNotPassed("ServiceTask_ApplyCorrections");
        verifyJavaDelegateMock("applyCorrectionsDelegate").executedNever();
        verifyJavaDelegateMock("notifyRecipientsDelegate").executedNever();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RESTRICTION", "OPT_OUT_OF_SALE", "LIMIT_SENSITIVE_USE"})
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldApplySuppressionForRestrictionOptOutAndLimit(String requestType) {
        ProcessInstance pi = startAfterLookup(requestType);

        assertThat(pi).isWaitingAt("ServiceTask_ApplySuppression");
        execute(jobQuery().singleResult());
        // Art 19 covers restrictions; the service tells nobody for the other suppressions.
        assertThat(pi).isWaitingAt("ServiceTask_NotifyRecipients");
        execute(jobQuery().singleResult());
        instructNoProcessor(pi);

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_ApplySuppression", "ServiceTask_NotifyRecipients",
                "CallActivity_InstructProcessors", "EndEvent_RequestFulfilled");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Updated: 2 sources");
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, CONSENT_BPMN, CONSENT_FORM})
    void shouldWithdrawOnlyTheNamedConsentsInTheirOwnProcess() {
        registerJavaDelegateMock("checkNamedConsentsDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("consentsNamed", 1));
        registerJavaDelegateMock("applySuppressionDelegate").onExecutionSetVariables(Variables.createVariables()
                .putValue("fulfilmentNote", "Consent withdrawn: Offers newsletter, 1 record"));
        ProcessInstance pi = startAfterLookup("WITHDRAW_CONSENT");

        assertThat(pi).isWaitingAt("CallActivity_WithdrawConsent");
        ProcessInstance withdrawal = BpmnAwareTests.calledProcessInstance(pi);
        Assertions.assertThat(withdrawal.getBusinessKey()).isEqualTo(REQUEST_REFERENCE);
        execute(jobQuery().singleResult());
        execute(jobQuery().singleResult());

        assertThat(withdrawal).isEnded().hasPassed("ServiceTask_WithdrawNamedConsents");
        assertThat(pi).isEnded().hasPassed("CallActivity_WithdrawConsent", "EndEvent_RequestFulfilled")
                .hasNotPassed("ServiceTask_ApplySuppression");
        assertThat(pi).variables()
                .containsEntry("fulfilmentNote", "Consent withdrawn: Offers newsletter, 1 record");
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, OBJECTION_BPMN, OBJECTION_DMN, OBJECTION_FORM})
    void shouldHandleAnObjectionInItsOwnProcess() {
        registerJavaDelegateMock("readObjectionDelegate")
                .onExecutionSetVariables(Variables.createVariables().putValue("objectsTo", "DIRECT_MARKETING"));
        ProcessInstance pi = startAfterLookup("OBJECTION");

        assertThat(pi).isWaitingAt("CallActivity_HandleObjection");
        ProcessInstance objection = BpmnAwareTests.calledProcessInstance(pi);
        Assertions.assertThat(objection.getBusinessKey()).isEqualTo(REQUEST_REFERENCE);
        execute(jobQuery().singleResult());
        execute(jobQuery().singleResult());

        assertThat(objection).isEnded().hasPassed("ServiceTask_StopProcessing");
        assertThat(pi).isEnded().hasPassed("CallActivity_HandleObjection", "EndEvent_RequestFulfilled")
                .hasNotPassed("ServiceTask_ApplySuppression");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Updated: 2 sources");
    }

    @Test
    @Deployment(resources = {BPMN, FULFIL_FORM, CORRECTIONS_FORM, INSTRUCTIONS})
    void shouldFulfilAnUnknownRightManually() {
        ProcessInstance pi = startAfterLookup("LIMIT_SENSITIVE_DATA");

        assertThat(pi).isWaitingAt("UserTask_FulfilManually");
        complete(task(pi), withVariables("fulfilmentNote", "Done in the CRM"));

        assertThat(pi).isEnded().hasPassed("EndEvent_RequestFulfilled");
        assertThat(pi).variables().containsEntry("fulfilmentNote", "Done in the CRM");
    }

    /** The called process asks its service whether any processor without an API is concerned: here none. */
    private static void instructNoProcessor(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("CallActivity_InstructProcessors");
        execute(jobQuery().singleResult());
        verifyJavaDelegateMock("sendProcessorInstructionsDelegate").executed(times(1));
    }

    private static ProcessInstance start(String requestType) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST_REFERENCE, variables(requestType));
    }

    private static ProcessInstance startAfterLookup(String requestType) {
        return runtimeService().createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(REQUEST_REFERENCE)
                .setVariables(variables(requestType))
                .startBeforeActivity("ServiceTask_SummariseLookup")
                .execute();
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
