package org.harmony.dsar.legalhold.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/**
 * Process test for LegalHoldCheckProcess.bpmn with the decision table LegalHoldOutcome.dmn: every outcome (proceed,
 * proceed partly, legal review confirmed, denied, hold released and checked again).
 */
@Deployment(resources = {LegalHoldCheckProcessTest.BPMN, LegalHoldCheckProcessTest.DMN, LegalHoldCheckProcessTest.FORM})
class LegalHoldCheckProcessTest {

    static final String BPMN = "processes/LegalHoldCheckProcess.bpmn";
    static final String DMN = "processes/LegalHoldOutcome.dmn";
    static final String FORM = "forms/LegalReviewForm.form";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String REQUEST_REFERENCE = "DSAR-2025-000123";
    private static final Date DUE_AT = new Date(1_800_000_000_000L);

    /** What each run of the check finds, in order: subjectHolds, otherHolds, retentionKeeps, everythingKept. */
    private final Deque<Object[]> findings = new ArrayDeque<>();
    private final List<Object> checkedRequests = new ArrayList<>();
    private final List<String> releasedHolds = new ArrayList<>();
    private final List<String> recordedDecisions = new ArrayList<>();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("checkLegalHoldsDelegate", (JavaDelegate) execution -> {
            checkedRequests.add(execution.getVariable("requestId"));
            Object[] found = findings.isEmpty() ? new Object[] {0, 0, 0, false} : findings.poll();
            int subjectHolds = (Integer) found[0];
            int holds = subjectHolds + (Integer) found[1];
            execution.setVariable("subjectHolds", subjectHolds);
            execution.setVariable("holdsFound", holds);
            execution.setVariable("retentionKeeps", found[2]);
            execution.setVariable("everythingKept", found[3]);
            execution.setVariable("legalHoldActive", holds > 0);
        });
        Mocks.register("prepareLegalReviewListener", (TaskListener) task ->
                task.setVariableLocal("legalReviewSummary", "Hold h-1 (matter M-1): keeps the subject in every source"));
        Mocks.register("validateFormSubmissionListener", (TaskListener) task -> { });
        Mocks.register("checkLegalReviewListener", (TaskListener) task -> {
            if ("RELEASE_HOLD".equals(task.getVariable("legalReviewDecision"))) {
                releasedHolds.add((String) task.getVariable("holdToRelease"));
            }
        });
        Mocks.register("recordLegalReviewDelegate", (JavaDelegate) execution -> {
            String decision = (String) execution.getVariable("legalReviewDecision");
            recordedDecisions.add(decision);
            execution.setVariable("legalHoldOutcome", switch (decision) {
                case "CONFIRM_PARTIAL" -> "PROCEED_PARTLY";
                case "DENY" -> "DENY";
                default -> "RECHECK";
            });
        });
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldProceedWithoutReviewWhenNothingIsHeld() {
        ProcessInstance pi = start("ACCESS");

        // The check runs in a job of its own, so that the verification that precedes it commits first.
        assertThat(pi).isWaitingAt("ServiceTask_CheckLegalHolds");
        execute(job(pi));

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_CheckLegalHolds",
                "BusinessRuleTask_DecideLegalHoldOutcome", "EndEvent_CheckCompleted");
        assertThat(pi).variables().containsEntry("legalHoldOutcome", "PROCEED").containsEntry("legalHoldActive", false);
        Assertions.assertThat(checkedRequests).containsExactly("request-42");
    }

    @Test
    void shouldProceedPartlyWhenRetentionRulesKeepSomeRecords() {
        findings.add(new Object[] {0, 0, 2, false});
        ProcessInstance pi = start("ERASURE");
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_CheckCompleted").hasNotPassed("UserTask_LegalReview");
        assertThat(pi).variables().containsEntry("legalHoldOutcome", "PROCEED_PARTLY");
    }

    @Test
    void shouldProceedPartlyWhenAHoldKeepsAWholeSource() {
        findings.add(new Object[] {0, 1, 0, false});
        ProcessInstance pi = start("ERASURE");
        execute(job(pi));

        assertThat(pi).isEnded().hasNotPassed("UserTask_LegalReview");
        assertThat(pi).variables().containsEntry("legalHoldOutcome", "PROCEED_PARTLY")
                .containsEntry("legalHoldActive", true);
    }

    @Test
    void shouldAskLegalCounselWhenTheSubjectIsHeldAndProceedPartlyWhenConfirmed() {
        findings.add(new Object[] {1, 0, 1, false});
        ProcessInstance pi = start("ERASURE");
        execute(job(pi));

        assertThat(pi).isWaitingAt("UserTask_LegalReview");
        assertThat(task(pi)).hasCandidateGroup("legalCounsel").hasDueDate(DUE_AT);
        assertThat(pi).variables().containsEntry("legalHoldOutcome", "LEGAL_REVIEW");
        Assertions.assertThat(extension.getTaskService().getVariableLocal(task(pi).getId(), "legalReviewSummary"))
                .asString().contains("matter M-1");

        complete(task(pi), withVariables("legalReviewDecision", "CONFIRM_PARTIAL"));

        assertThat(pi).isEnded().hasPassedInOrder("UserTask_LegalReview", "ServiceTask_RecordLegalReview",
                "EndEvent_CheckCompleted");
        assertThat(pi).variables().containsEntry("legalHoldOutcome", "PROCEED_PARTLY");
        Assertions.assertThat(recordedDecisions).containsExactly("CONFIRM_PARTIAL");
    }

    @Test
    void shouldAskLegalCounselWhenHoldsKeepEverything() {
        findings.add(new Object[] {0, 2, 0, true});
        ProcessInstance pi = start("ERASURE");
        execute(job(pi));

        assertThat(pi).isWaitingAt("UserTask_LegalReview");
    }

    @Test
    void shouldEndDeniedWithTheReasonCodeWhenCounselDenies() {
        findings.add(new Object[] {1, 0, 0, false});
        ProcessInstance pi = start("ERASURE");
        execute(job(pi));

        complete(task(pi), withVariables("legalReviewDecision", "DENY", "legalDenialReason", "LEGAL_HOLD"));

        assertThat(pi).isEnded().hasPassed("EndEvent_DeniedOnLegalGrounds").hasNotPassed("EndEvent_CheckCompleted");
        assertThat(pi).variables().containsEntry("legalHoldOutcome", "DENY")
                .containsEntry("legalDenialReason", "LEGAL_HOLD");
    }

    @Test
    void shouldCheckAgainAfterAReleaseAndProceedWhenNothingIsHeldAnyMore() {
        findings.add(new Object[] {1, 0, 0, false});
        findings.add(new Object[] {0, 0, 0, false});
        ProcessInstance pi = start("ERASURE");
        execute(job(pi));

        complete(task(pi), withVariables("legalReviewDecision", "RELEASE_HOLD", "holdToRelease", "hold-7",
                "releaseNote", "Matter settled"));

        assertThat(pi).isWaitingAt("ServiceTask_CheckLegalHolds");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_CheckCompleted");
        assertThat(pi).variables().containsEntry("legalHoldOutcome", "PROCEED");
        Assertions.assertThat(releasedHolds).containsExactly("hold-7");
        Assertions.assertThat(checkedRequests).hasSize(2);
    }

    @Test
    void shouldAskLegalCounselForARestrictionOfAHeldSubjectButNotForAccess() {
        findings.add(new Object[] {1, 0, 0, false});
        ProcessInstance restriction = start("RESTRICTION");
        execute(job(restriction));
        assertThat(restriction).isWaitingAt("UserTask_LegalReview");

        findings.add(new Object[] {1, 0, 0, false});
        ProcessInstance access = start("ACCESS");
        execute(job(access));
        assertThat(access).isEnded();
        assertThat(access).variables().containsEntry("legalHoldOutcome", "PROCEED");
    }

    private static ProcessInstance start(String requestType) {
        VariableMap variables = Variables.createVariables()
                .putValue("requestId", "request-42")
                .putValue("requestReference", REQUEST_REFERENCE)
                .putValue("requestType", requestType)
                .putValue("jurisdiction", "EU")
                .putValue("dueAt", DUE_AT);
        return runtimeService().startProcessInstanceByKey("LegalHoldCheckProcess", REQUEST_REFERENCE, variables);
    }

}
