package org.harmony.dsar.appeal.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.appeal.AppealDecision;
import org.harmony.dsar.appeal.Appeals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Process test for AppealProcess.bpmn: every path (grant, deny, one extension, the four-eyes refusal, reminder and
 * escalation) with the process's own listeners over a stand-in of the appeal records; the periods come from
 * AppealPeriods.dmn (AppealPeriodsDecisionTest), stood in for by fixed dates here.
 */
@Deployment(resources = {"processes/AppealProcess.bpmn", "forms/DecideAppealForm.form"})
class AppealProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String REQUEST_ID = "request-1";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Date DUE_AT = Date.from(NOW.plus(60, ChronoUnit.DAYS));
    private static final Date EXTENDED_DUE_AT = Date.from(NOW.plus(105, ChronoUnit.DAYS));

    private final Appeals appeals = mock(Appeals.class);
    private final List<String> mails = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private Date dueAt = DUE_AT;
    private Date reminderAt = Date.from(NOW.plus(53, ChronoUnit.DAYS));

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        when(appeals.find(REQUEST_ID)).thenReturn(Optional.of(new Appeals.Appeal(REQUEST_ID, NOW, NOW,
                "I never agreed to keep my data.", null, false, null, null, null)));
        Mocks.register("determineAppealDueDelegate", (JavaDelegate) execution -> {
            execution.setVariable("dueAt", dueAt);
            execution.setVariable("appealReminderAt", reminderAt);
        });
        Mocks.register("extendAppealDeadlineDelegate", (JavaDelegate) execution -> {
            execution.setVariable("dueAt", EXTENDED_DUE_AT);
            execution.setVariable("appealReminderAt", Date.from(EXTENDED_DUE_AT.toInstant().minus(7, ChronoUnit.DAYS)));
        });
        Mocks.register("alertAppealReviewersDelegate", (JavaDelegate) execution -> alerts.add(
                execution.getVariable("alertGroup") + (Boolean.TRUE.equals(execution.getVariable("appealOverdue"))
                        ? " overdue" : " due soon")));
        Mocks.register("sendRequesterMailDelegate", (JavaDelegate) execution -> mails.add(
                execution.getVariable("mailTemplate") + (execution.getVariable("mailReason") == null ? ""
                        : ":" + execution.getVariable("mailReason"))));
        Mocks.register("prepareAppealReviewListener", new PrepareAppealReviewListener(appeals));
        Mocks.register("recordAppealDecisionListener", new RecordAppealDecisionListener(appeals));
        Mocks.register("endAppealListener", new EndAppealListener(appeals));
        registerTaskListenerMock("validateFormSubmissionListener");
        extension.getProcessEngine().getIdentityService().setAuthenticatedUserId("appeals");
    }

    @AfterEach
    void tearDown() {
        extension.getProcessEngine().getIdentityService().clearAuthentication();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GRANT", "DENY"})
    void shouldHaveAReviewerDecideByTheDueDateAndMailTheDecision(String decision) {
        ProcessInstance pi = appeal();

        assertThat(pi).isWaitingAt("UserTask_DecideAppeal");
        assertThat(task(pi)).hasCandidateGroup("appealReviewers").hasDueDate(DUE_AT);
        Assertions.assertThat(taskService().getVariableLocal(task(pi).getId(), "appealStatement"))
                .isEqualTo("I never agreed to keep my data.");

        complete(task(pi), withVariables("appealDecision", decision, "appealDecisionReasons", "Checked again."));
        verify(appeals).recordDecision(REQUEST_ID, AppealDecision.valueOf(decision), "Checked again.", "appeals");
        assertThat(pi).variables().doesNotContainKey("appealDecisionReasons").doesNotContainKey("appealStatement");
        execute(job("ServiceTask_SendAppealDecision", pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_AppealDecided").hasNotPassed("ServiceTask_ExtendAppealDeadline");
        Assertions.assertThat(mails).containsExactly("appeal-decision:" + decision);
        Assertions.assertThat(alerts).isEmpty();
        verify(appeals).ended(REQUEST_ID);
    }

    @Test
    void shouldExtendOnceTellTheRequesterAndAskTheReviewerAgainByTheNewDueDate() {
        ProcessInstance pi = appeal();

        complete(task(pi), withVariables("appealDecision", "EXTEND", "appealDecisionReasons", "Records are archived."));
        execute(job("ServiceTask_ExtendAppealDeadline", pi));
        execute(job("ServiceTask_SendAppealExtended", pi));
        assertThat(pi).isWaitingAt("UserTask_DecideAppeal");
        assertThat(task(pi)).hasDueDate(EXTENDED_DUE_AT);
        Assertions.assertThat(mails).containsExactly("appeal-extended");
        verify(appeals, never()).ended(any());

        complete(task(pi), withVariables("appealDecision", "DENY", "appealDecisionReasons", "The hold stands."));
        execute(job("ServiceTask_SendAppealDecision", pi));
        assertThat(pi).isEnded().hasPassed("ServiceTask_SendAppealExtended", "EndEvent_AppealDecided");
        Assertions.assertThat(mails).containsExactly("appeal-extended", "appeal-decision:DENY");
    }

    @Test
    void shouldRefuseADecisionTheAppealRulesDoNotAllowAndKeepTheTaskOpen() {
        when(appeals.refusal(eq(REQUEST_ID), any(), any(), eq("officer")))
                .thenReturn(Optional.of("Four-eyes rule: you took part in the decision on this request"));
        ProcessInstance pi = appeal();
        extension.getProcessEngine().getIdentityService().setAuthenticatedUserId("officer");
        String taskId = task(pi).getId();

        Assertions.assertThatThrownBy(() -> taskService().complete(taskId, Variables.createVariables()
                        .putValue("appealDecision", "GRANT").putValue("appealDecisionReasons", "Fine by me.")))
                .hasMessageContaining("Four-eyes rule");

        assertThat(pi).isWaitingAt("UserTask_DecideAppeal");
        verify(appeals, never()).recordDecision(any(), any(), any(), any());
        Assertions.assertThat(mails).isEmpty();
    }

    @Test
    void shouldRemindTheReviewersBeforeTheDueDateAndEscalateToTheDpoWhenOverdue() {
        reminderAt = Date.from(NOW.minus(2, ChronoUnit.DAYS));
        dueAt = Date.from(NOW.minus(1, ChronoUnit.DAYS));
        ProcessInstance pi = appeal();

        for (Job timer : jobQuery().processInstanceId(pi.getId()).timers().list()) {
            execute(timer);
        }
        execute(job("ServiceTask_RemindAppealReviewers", pi));
        execute(job("ServiceTask_EscalateOverdueAppeal", pi));

        assertThat(pi).hasPassed("EndEvent_ReviewersReminded", "EndEvent_OverdueEscalated")
                .isWaitingAt("UserTask_DecideAppeal");
        Assertions.assertThat(alerts).containsExactlyInAnyOrder("appealReviewers due soon", "dpo overdue");
        Assertions.assertThat(mails).isEmpty();
    }

    private ProcessInstance appeal() {
        return runtimeService().startProcessInstanceByMessage("AppealReceived", "DSAR-APPEAL-1", Variables
                .createVariables().putValue("requestId", REQUEST_ID).putValue("requestReference", "DSAR-APPEAL-1")
                .putValue("requestType", "ERASURE").putValue("jurisdiction", "US-CO"));
    }
}
