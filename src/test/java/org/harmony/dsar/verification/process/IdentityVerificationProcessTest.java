package org.harmony.dsar.verification.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.harmony.dsar.inbox.MailTriage;
import org.harmony.dsar.models.DeployedForms;
import org.harmony.dsar.request.SubjectRelationship;
import org.harmony.dsar.request.VerificationOutcome;
import org.harmony.dsar.verification.IdentityAssurance.Assessment;
import org.harmony.dsar.verification.IdentityAssurance.Preparation;
import org.harmony.dsar.verification.IdentityAssurance;
import org.harmony.dsar.verification.TrustedIdentifiers;
import org.harmony.dsar.verification.VerificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for IdentityVerificationProcess.bpmn with both decision tables and the review form deployed for
 * real. The process's own delegates run against mocked services, so the test also sees what they pass on;
 * the generic mail delegate is replaced by a recorder.
 */
@Deployment(resources = {IdentityVerificationProcessTest.BPMN, "processes/VerificationLevel.dmn",
        "processes/DeadlineClock.dmn", "forms/ReviewIdentityForm.form"})
class IdentityVerificationProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    static final String BPMN = "processes/IdentityVerificationProcess.bpmn";
    private static final String PROCESS_KEY = "IdentityVerificationProcess";
    private static final String REQUEST_ID = "request-42";
    private static final String REQUEST_REFERENCE = "DSAR-2025-000123";
    private static final Instant NOW = Instant.parse("2025-10-20T09:00:00Z");
    private static final Date DUE_AT = Date.from(NOW.plus(Duration.ofDays(30)));
    private static final Instant RESTARTED_DUE_AT = Instant.parse("2025-11-21T23:59:59Z");

    private final IdentityAssurance assurance = mock(IdentityAssurance.class);
    private final VerificationService verification = mock(VerificationService.class);
    private final TrustedIdentifiers identifiers = mock(TrustedIdentifiers.class);
    /** mailTemplate as the generic mail delegate saw it, one entry per execution. */
    private final List<Object> sentMailTemplates = new ArrayList<>();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        relationship(SubjectRelationship.SUBJECT);
        when(assurance.reviewView(eq(REQUEST_ID), any())).thenReturn(new IdentityAssurance.ReviewView(
                "Needed: 3 matching data point(s)", "phone: submitted ••••18, on record ••••18 (match)",
                "Question asked 2026-01-01T00:00:00Z:\nYour customer number, please.\n\nRequester's answer: none yet."));
        when(assurance.restartDeadlineClock(REQUEST_ID, "P1M")).thenReturn(RESTARTED_DUE_AT);
        Mocks.register("prepareVerificationDelegate", new PrepareVerificationDelegate(assurance));
        Mocks.register("sendVerificationCodeDelegate", new SendVerificationCodeDelegate(verification));
        Mocks.register("sendRequesterMailDelegate",
                (JavaDelegate) execution -> sentMailTemplates.add(execution.getVariable("mailTemplate")));
        Mocks.register("requestAuthorisationDelegate", new RequestAuthorisationDelegate(assurance));
        Mocks.register("matchDataPointsDelegate", new MatchDataPointsDelegate(assurance));
        Mocks.register("prepareIdentityReviewListener", new PrepareIdentityReviewListener(assurance, identifiers,
                mock(MailTriage.class)));
        Mocks.register("checkIdentityReviewListener", new CheckIdentityReviewListener(identifiers));
        Mocks.register("validateFormSubmissionListener", (TaskListener) task -> { });
        Mocks.register("requestIdentityInformationDelegate", new RequestIdentityInformationDelegate(assurance));
        Mocks.register("sendIdentityUnverifiableDelegate", new SendIdentityUnverifiableDelegate(assurance));
        Mocks.register("recordVerificationOutcomeDelegate", new RecordVerificationOutcomeDelegate(assurance, identifiers));
        Mocks.register("restartDeadlineClockDelegate", new RestartDeadlineClockDelegate(assurance));
        Mocks.register("narrowToCategoriesDelegate", new NarrowToCategoriesDelegate(assurance));
    }

    @AfterEach
    void resetMocks() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    // ---- EmailPossession ------------------------------------------------------------

    @Test
    void shouldVerifyByCodeAnEuAccessRequestByTheSubject() {
        assessment(0, true);
        ProcessInstance pi = start("ACCESS", "EU");

        assertThat(pi).isWaitingAt("ServiceTask_SendVerificationCode");
        assertThat(pi).variables().containsEntry("subjectRelationship", "SUBJECT")
                .containsEntry("verificationPeriod", "P14D")
                .containsEntry("requiredDataPoints", 0).containsEntry("declarationRequired", false)
                .containsEntry("emailCheckRequired", true).containsEntry("manualReview", false);
        execute(asyncJob(pi));
        verify(verification).issueAndSendCode(REQUEST_ID);
        assertThat(pi).isWaitingAt("CatchEvent_EmailVerified");

        emailVerified();
        assertThat(pi).isWaitingAt("ServiceTask_MatchDataPoints");
        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassedInOrder("SubProcess_ConfirmEmail", "ServiceTask_MatchDataPoints",
                "ServiceTask_RecordIdentityVerified", "BusinessRuleTask_DetermineClockStart",
                "EndEvent_IdentityVerified")
                .hasNotPassed("UserTask_ReviewIdentity", "ServiceTask_RestartDeadlineClock",
                        "ServiceTask_SendVerificationReminder", "ServiceTask_RequestAuthorisation");
        assertThat(pi).variables().containsEntry("identityVerified", true)
                .containsEntry("verificationOutcome", "VERIFIED").containsEntry("clockStartsAt", "RECEIPT")
                .containsEntry("dueAt", DUE_AT);
        verify(assurance).recordOutcome(eq(REQUEST_ID), eq(VerificationOutcome.VERIFIED), startsWith(
                "activity=ServiceTask_RecordIdentityVerified dataPointsMatched=0"));
        Assertions.assertThat(sentMailTemplates).isEmpty();
        // Email confirmed, no officer: only the email and what the system of record ties to it find records.
        verify(identifiers).recordFor(REQUEST_ID, true, null);
    }

    @Test
    void shouldRestartTheDeadlineClockAtVerificationInTheUk() {
        assessment(0, true);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "UK");

        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_RecordIdentityVerified",
                "Gateway_ClockStartsAtVerification", "ServiceTask_RestartDeadlineClock", "EndEvent_IdentityVerified");
        assertThat(pi).variables().containsEntry("clockStartsAt", "VERIFICATION")
                .containsEntry("dueAt", Date.from(RESTARTED_DUE_AT));
        verify(assurance).restartDeadlineClock(REQUEST_ID, "P1M");
    }

    @Test
    void shouldMailANewCodeWhenTheRequesterAsksForOneAndKeepWaiting() {
        assessment(0, true);
        ProcessInstance pi = start("ACCESS", "EU");
        execute(asyncJob(pi));

        // An expired or locked code: the requester asks for a new one (resend endpoint).
        runtimeService().createMessageCorrelation("VerificationCodeRequested")
                .processInstanceVariableEquals("requestId", REQUEST_ID).correlateAll();
        assertThat(pi).isWaitingAt("CatchEvent_EmailVerified", "ServiceTask_ResendVerificationCode");
        execute(managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("ServiceTask_ResendVerificationCode").singleResult());

        verify(verification, times(2)).issueAndSendCode(REQUEST_ID);
        assertThat(pi).isWaitingAt("CatchEvent_EmailVerified").hasPassed("EndEvent_NewCodeSent");
        emailVerified();
        execute(asyncJob(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_IdentityVerified");
    }

    @Test
    void shouldRemindAfterTwoDaysAndCloseUnverifiedAfterTheVerificationPeriod() {
        ProcessInstance pi = start("ACCESS", "EU");
        execute(asyncJob(pi));

        Job reminder = timer(pi, "BoundaryEvent_RemindRequester");
        Assertions.assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(2))));
        execute(reminder);
        execute(jobAt("ServiceTask_SendVerificationReminder", pi));
        Assertions.assertThat(sentMailTemplates).containsExactly("verification-reminder");
        assertThat(pi).isWaitingAt("CatchEvent_EmailVerified");

        Job abandon = timer(pi, "BoundaryEvent_VerificationPeriodElapsed");
        Assertions.assertThat(abandon.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
        execute(abandon);

        assertThat(pi).isEnded().hasPassed("ServiceTask_RecordVerificationAbandoned", "EndEvent_VerificationAbandoned")
                .hasNotPassed("ServiceTask_MatchDataPoints", "EndEvent_IdentityVerified");
        assertThat(pi).variables().containsEntry("identityVerified", false)
                .containsEntry("verificationOutcome", "ABANDONED");
        verify(assurance).recordOutcome(eq(REQUEST_ID), eq(VerificationOutcome.ABANDONED), anyString());
        verify(assurance, never()).assess(anyString(), any());
    }

    @Test
    void shouldNotRemindWhenTheEmailIsConfirmedWithinTwoDays() {
        assessment(0, true);
        ProcessInstance pi = start("ACCESS", "EU");
        execute(asyncJob(pi));
        emailVerified();

        Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
                .isZero();
        execute(asyncJob(pi));
        assertThat(pi).isEnded();
        Assertions.assertThat(sentMailTemplates).isEmpty();
    }

    @Test
    void shouldVerifyAnOptOutOfSaleWithoutAnyCheck() {
        assessment(0, true);
        ProcessInstance pi = start("OPT_OUT_OF_SALE", "US-CA");

        assertThat(pi).isWaitingAt("ServiceTask_MatchDataPoints");
        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassed("Gateway_EmailCheckRequired", "EndEvent_IdentityVerified")
                .hasNotPassed("SubProcess_ConfirmEmail");
        verify(verification, never()).issueAndSendCode(anyString());
        assertThat(pi).variables().containsEntry("identityVerified", true);
    }

    // ---- ManualReview ------------------------------------------------------------

    @Test
    void shouldHandAnUnmetLevelToAComplianceOfficerWhoVerifies() throws IOException {
        assessment(2, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "US-CA");
        execute(asyncJob(pi));

        assertThat(pi).isWaitingAt("UserTask_ReviewIdentity");
        Task review = task(pi);
        assertThat(review).hasCandidateGroup("complianceOfficers").hasDueDate(DUE_AT);
        Assertions.assertThat(DeployedForms.ofTask(formService(), review)).contains("\"id\": \"ReviewIdentityForm\"")
                .contains("identityReviewDecision");
        Assertions.assertThat(taskService().getVariablesLocal(review.getId()))
                .containsEntry("identityComparison", "phone: submitted ••••18, on record ••••18 (match)")
                .containsKey("assuranceSummary").containsKey("requesterAnswer");
        assertThat(pi).variables().containsEntry("dataPointsMatched", 2).containsEntry("assuranceMet", false)
                .doesNotContainKey("identityComparison").doesNotContainKey("requesterAnswer");

        complete(review, withVariables("identityReviewDecision", "VERIFIED",
                "identityReviewNote", "Three data points and the declaration checked by phone.",
                "confirmedIdentifiers", "phone"));

        assertThat(pi).isEnded().hasPassed("Gateway_IdentityReviewDecision", "ServiceTask_RecordIdentityVerified",
                "EndEvent_IdentityVerified");
        assertThat(pi).variables().containsEntry("identityVerified", true)
                .containsEntry("verificationOutcome", "VERIFIED");
        verify(assurance).recordOutcome(eq(REQUEST_ID), eq(VerificationOutcome.VERIFIED), eq(
                "activity=ServiceTask_RecordIdentityVerified dataPointsMatched=2 lastReview=VERIFIED"));
        verify(identifiers).recordFor(eq(REQUEST_ID), eq(true), eq(new TrustedIdentifiers.OfficerReview(null,
                List.of("phone"))));
    }

    @Test
    void shouldTellTheRequesterWhyWhenTheOfficerRejects() {
        assessment(1, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ERASURE", "US-CA");
        execute(asyncJob(pi));

        complete(task(pi), withVariables("identityReviewDecision", "REJECT",
                "identityReviewNote", "The details given do not match an account of ours."));
        assertThat(pi).isWaitingAt("ServiceTask_SendIdentityUnverifiable");
        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_SendIdentityUnverifiable",
                "ServiceTask_RecordIdentityUnverifiable", "EndEvent_IdentityUnverifiable");
        assertThat(pi).variables().containsEntry("identityVerified", false)
                .containsEntry("verificationOutcome", "UNVERIFIABLE");
        verify(assurance).sendUnverifiable(eq(REQUEST_ID),
                eq("The details given do not match an account of ours."), anyString());
        verify(assurance).recordOutcome(eq(REQUEST_ID), eq(VerificationOutcome.UNVERIFIABLE), anyString());
    }

    @Test
    void shouldAnswerWithCategoriesWhenSpecificPiecesCannotBeVerifiedButTwoDataPointsMatch() {
        assessment(2, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "US-CA");
        execute(asyncJob(pi));

        complete(task(pi), withVariables("identityReviewDecision", "REJECT",
                "identityReviewNote", "No signed declaration."));
        assertThat(pi).isWaitingAt("ServiceTask_NarrowToCategories");
        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassedInOrder("Gateway_CategoriesFallback", "ServiceTask_NarrowToCategories",
                "ServiceTask_RecordIdentityVerified", "EndEvent_IdentityVerified")
                .hasNotPassed("ServiceTask_SendIdentityUnverifiable");
        assertThat(pi).variables().containsEntry("identityVerified", true)
                .containsEntry("verificationOutcome", "VERIFIED");
        verify(assurance).narrowToCategories(REQUEST_ID, 2);
        verify(assurance, never()).sendUnverifiable(anyString(), anyString(), anyString());
    }

    @Test
    void shouldRefuseASpecificPiecesRequestWhenTooFewDataPointsMatchEvenForCategories() {
        assessment(1, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "US-CA");
        execute(asyncJob(pi));

        complete(task(pi), withVariables("identityReviewDecision", "REJECT",
                "identityReviewNote", "Only the email address matches."));
        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassed("ServiceTask_SendIdentityUnverifiable", "EndEvent_IdentityUnverifiable")
                .hasNotPassed("ServiceTask_NarrowToCategories");
        verify(assurance, never()).narrowToCategories(anyString(), anyInt());
    }

    @Test
    void shouldRefuseWithoutFallbackInAnInstanceStartedBeforeTheTableHadTheFallbackColumn() {
        assessment(2, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "US-CA");
        runtimeService().removeVariable(pi.getId(), "categoriesFallbackDataPoints");
        execute(asyncJob(pi));

        complete(task(pi), withVariables("identityReviewDecision", "REJECT", "identityReviewNote", "No."));
        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_IdentityUnverifiable");
    }

    @Test
    void shouldAskForMoreAndVerifyWhenTheAnswerMeetsTheLevel() {
        assessment(2, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "US-CA");
        execute(asyncJob(pi));

        complete(task(pi), withVariables("identityReviewDecision", "ASK_FOR_MORE",
                "identityReviewNote", "Please sign the declaration."));
        execute(asyncJob(pi));
        verify(assurance).requestMoreInformation(eq(REQUEST_ID), eq("Please sign the declaration."),
                eq(pi.getId() + ":ServiceTask_RequestMoreInformation:1"));
        assertThat(pi).isWaitingAt("Gateway_AwaitInformation");

        assessment(3, true);
        runtimeService().createMessageCorrelation("IdentityInformationReceived")
                .processInstanceVariableEquals("requestId", REQUEST_ID).correlateAll();
        execute(asyncJob(pi));

        assertThat(pi).isEnded().hasPassed("CatchEvent_InformationReceived", "EndEvent_IdentityVerified");
        verify(assurance, times(2)).assess(eq(REQUEST_ID), any());
        assertThat(pi).variables().containsEntry("identityInformationRequests", 1)
                .containsEntry("verificationOutcome", "VERIFIED");
    }

    @Test
    void shouldAskAgainWithAMailOfItsOwnWhenTheAnswerIsStillNotEnough() {
        assessment(2, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "US-CA");
        execute(asyncJob(pi));
        complete(task(pi), withVariables("identityReviewDecision", "ASK_FOR_MORE",
                "identityReviewNote", "Please sign the declaration."));
        execute(asyncJob(pi));
        runtimeService().createMessageCorrelation("IdentityInformationReceived")
                .processInstanceVariableEquals("requestId", REQUEST_ID).correlateAll();
        execute(asyncJob(pi));

        assertThat(pi).isWaitingAt("UserTask_ReviewIdentity");
        complete(task(pi), withVariables("identityReviewDecision", "ASK_FOR_MORE",
                "identityReviewNote", "Please also give your postcode."));
        execute(asyncJob(pi));

        verify(assurance).requestMoreInformation(eq(REQUEST_ID), eq("Please also give your postcode."),
                eq(pi.getId() + ":ServiceTask_RequestMoreInformation:2"));
    }

    @Test
    void shouldCloseUnverifiedWhenTheRequesterDoesNotAnswer() {
        assessment(2, false);
        ProcessInstance pi = startBefore("ServiceTask_MatchDataPoints", "ACCESS", "US-CA");
        execute(asyncJob(pi));
        complete(task(pi), withVariables("identityReviewDecision", "ASK_FOR_MORE",
                "identityReviewNote", "Please sign the declaration."));
        execute(asyncJob(pi));

        Job timeout = timer(pi, "CatchEvent_InformationPeriodElapsed");
        Assertions.assertThat(timeout.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
        execute(timeout);

        assertThat(pi).isEnded().hasPassed("EndEvent_VerificationAbandoned");
        assertThat(pi).variables().containsEntry("verificationOutcome", "ABANDONED")
                .containsEntry("identityVerified", false);
    }

    // ---- Agents ------------------------------------------------------------

    @Test
    void shouldHaveTheSubjectConfirmAskTheAgentForAuthorisationAndReview() {
        relationship(SubjectRelationship.AGENT);
        assessment(1, true);
        ProcessInstance pi = start("ERASURE", "US-CA");
        assertThat(pi).variables().containsEntry("manualReview", true).containsEntry("emailCheckRequired", true);

        execute(asyncJob(pi));
        verify(verification).issueAndSendCode(REQUEST_ID);
        emailVerified();

        assertThat(pi).isWaitingAt("ServiceTask_RequestAuthorisation");
        execute(asyncJob(pi));
        verify(assurance).requestAuthorisation(REQUEST_ID, pi.getId() + ":ServiceTask_RequestAuthorisation");
        assertThat(pi).isWaitingAt("Gateway_AwaitInformation");

        runtimeService().createMessageCorrelation("IdentityInformationReceived")
                .processInstanceVariableEquals("requestId", REQUEST_ID).correlateAll();
        execute(asyncJob(pi));

        // The level is met, yet an agent's request is always reviewed by a person.
        assertThat(pi).isWaitingAt("UserTask_ReviewIdentity");
        complete(task(pi), withVariables("identityReviewDecision", "VERIFIED",
                "identityReviewNote", "Signed authorisation checked; subject confirmed by email."));
        assertThat(pi).isEnded().hasPassed("EndEvent_IdentityVerified");
        assertThat(pi).variables().containsEntry("identityVerified", true);
    }

    @Test
    void shouldReviewAParentsRequestEvenForAnEuAccessRequest() {
        relationship(SubjectRelationship.PARENT);
        assessment(0, true);
        ProcessInstance pi = startBefore("Gateway_EmailCheckDone", "ACCESS", "EU");

        assertThat(pi).isWaitingAt("ServiceTask_RequestAuthorisation");
        assertThat(pi).variables().containsEntry("manualReview", true).containsEntry("requiredDataPoints", 1);
    }


    private void relationship(SubjectRelationship relationship) {
        when(assurance.prepare(REQUEST_ID)).thenReturn(new Preparation(relationship, "P14D"));
    }

    private void assessment(int matched, boolean met) {
        when(assurance.assess(eq(REQUEST_ID), any())).thenReturn(new Assessment(matched, met));
    }

    private static void emailVerified() {
        runtimeService().createMessageCorrelation("EmailVerified")
                .processInstanceVariableEquals("requestId", REQUEST_ID).correlate();
    }

    /** The one asynchronous continuation waiting (timers run only when a test says so). */
    private static Job asyncJob(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(activityId).singleResult();
    }

    private static Job jobAt(String activityId, ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
                .singleResult();
    }

    private ProcessInstance start(String requestType, String jurisdiction) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST_REFERENCE,
                requestVariables(requestType, jurisdiction));
    }

    /** Starts before an element with the variables the steps before it would have set. */
    private ProcessInstance startBefore(String activityId, String requestType, String jurisdiction) {
        SubjectRelationship relationship = assurance.prepare(REQUEST_ID).relationship();
        boolean acting = relationship != SubjectRelationship.SUBJECT;
        VariableMap variables = requestVariables(requestType, jurisdiction)
                .putValue("subjectRelationship", relationship.name())
                .putValue("verificationPeriod", "P14D")
                .putValue("requiredDataPoints", acting ? 1 : "ACCESS".equals(requestType) ? 3 : 2)
                .putValue("declarationRequired", acting || "ACCESS".equals(requestType))
                .putValue("emailCheckRequired", true)
                .putValue("manualReview", acting)
                .putValue("categoriesFallbackDataPoints",
                        !acting && "US-CA".equals(jurisdiction) && "ACCESS".equals(requestType) ? 2 : 0);
        return runtimeService().createProcessInstanceByKey(PROCESS_KEY).businessKey(REQUEST_REFERENCE)
                .setVariables(variables).startBeforeActivity(activityId).execute();
    }

    private static VariableMap requestVariables(String requestType, String jurisdiction) {
        return Variables.createVariables()
                .putValue("requestId", REQUEST_ID)
                .putValue("requestReference", REQUEST_REFERENCE)
                .putValue("requestType", requestType)
                .putValue("jurisdiction", jurisdiction)
                .putValue("responsePeriod", "P1M")
                .putValue("dueAt", DUE_AT);
    }
}
