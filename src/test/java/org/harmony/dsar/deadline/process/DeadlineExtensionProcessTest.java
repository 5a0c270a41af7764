package org.harmony.dsar.deadline.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Process test for DeadlineExtensionProcess.bpmn with the real DeadlineExtension table; the request's facts and
 * the extension itself are stand-ins.
 */
@Deployment(resources = {"processes/DeadlineExtensionProcess.bpmn", "processes/DeadlineExtension.dmn",
        "forms/ExtensionRequestForm.form", "forms/ExtensionRefusedForm.form"})
class DeadlineExtensionProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final Date DUE_AT = Date.from(Instant.parse("2027-01-15T23:59:59Z"));
    private static final Date EXTENDED = Date.from(Instant.parse("2027-03-15T23:59:59Z"));

    private final List<String> extendedBy = new ArrayList<>();
    private final List<String> mails = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("decideExtensionDelegate",
                new DecideExtensionDelegate(new DeadlineRules(extension.getProcessEngine().getDecisionService())));
        Mocks.register("extendDeadlineDelegate", (JavaDelegate) execution -> {
            extendedBy.add(execution.getVariable("extensionPeriod") + " by "
                    + execution.getVariable("extensionRequestedBy"));
            execution.setVariable("dueAt", EXTENDED);
        });
        Mocks.register("sendRequesterMailDelegate",
                (JavaDelegate) execution -> mails.add((String) execution.getVariable("mailTemplate")));
        Mocks.register("recordExtensionRefusedDelegate",
                (JavaDelegate) execution -> refusals.add((String) execution.getVariable("extensionRefusal")));
        registerTaskListenerMock("validateFormSubmissionListener");
        extension.getProcessEngine().getIdentityService().setAuthenticatedUserId("officer");
    }

    @AfterEach
    void tearDown() {
        extension.getProcessEngine().getIdentityService().clearAuthentication();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldExtendAGdprDeadlineByTwoMonthsAndTellTheRequester() {
        ProcessInstance pi = request("EU", 0, true);

        assertThat(pi).isWaitingAt("ServiceTask_ExtendDeadline");
        execute(job("ServiceTask_ExtendDeadline", pi));
        assertThat(pi).isWaitingAt("ServiceTask_TellRequesterExtension");
        Assertions.assertThat(extendedBy).containsExactly("P2M by officer");
        execute(job("ServiceTask_TellRequesterExtension", pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_DeadlineExtended").hasNotPassed("ServiceTask_RecordExtensionRefused");
        Assertions.assertThat(mails).containsExactly("deadline-extended");
        Assertions.assertThat(refusals).isEmpty();
    }

    @ParameterizedTest(name = "{0}, {1} granted before, before deadline {2}: {3}")
    @CsvSource({
            "EU, 1, true, ALREADY_EXTENDED",
            "US-CA, 0, false, ORIGINAL_DEADLINE_PASSED",
            "BR, 0, true, NO_EXTENSION_IN_LAW",
            "IN, 0, true, NO_EXTENSION_IN_LAW"})
    void shouldRefuseWhatTheLawDoesNotAllowAndTellTheOfficer(String jurisdiction, int granted, boolean beforeDeadline,
            String refusal) {
        ProcessInstance pi = request(jurisdiction, granted, beforeDeadline);

        assertThat(pi).isWaitingAt("UserTask_NoteExtensionRefused");
        assertThat(task(pi)).isAssignedTo("officer").hasDueDate(DUE_AT);
        Assertions.assertThat(BpmnAwareTests.taskService().getIdentityLinksForTask(task(pi).getId()))
                .anyMatch(link -> "complianceOfficers".equals(link.getGroupId()));
        assertThat(pi).variables().containsEntry("extensionRefusal", refusal).containsEntry("dueAt", DUE_AT);
        Assertions.assertThat(refusals).containsExactly(refusal);

        complete(task(pi), withVariables("refusalAcknowledged", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_ExtensionRefused").hasNotPassed("ServiceTask_ExtendDeadline");
        Assertions.assertThat(extendedBy).isEmpty();
        Assertions.assertThat(mails).isEmpty();
    }

    @ParameterizedTest(name = "{0} allows {1}")
    @CsvSource({"UK, P2M", "US-CA, P45D", "US-VA, P45D", "US-CO, P45D"})
    void shouldAllowTheStatutoryExtensionOnce(String jurisdiction, String period) {
        ProcessInstance pi = request(jurisdiction, 0, true);
        execute(job("ServiceTask_ExtendDeadline", pi));

        Assertions.assertThat(extendedBy).containsExactly(period + " by officer");
    }

    private static ProcessInstance request(String jurisdiction, int granted, boolean beforeDeadline) {
        Mocks.register("checkExtensionRequestDelegate", (JavaDelegate) execution -> {
            execution.setVariable("requestId", "request-7");
            execution.setVariable("jurisdiction", jurisdiction);
            execution.setVariable("requestType", "ACCESS");
            execution.setVariable("dueAt", DUE_AT);
            execution.setVariable("extensionsGranted", granted);
            execution.setVariable("beforeOriginalDeadline", beforeDeadline);
        });
        return runtimeService().startProcessInstanceByKey("DeadlineExtensionProcess", Variables.createVariables()
                .putValue("requestReference", "DSAR-ABCDE-12345")
                .putValue("extensionReason", "COMPLEXITY")
                .putValue("extensionExplanation", "Eleven systems hold records of your account."));
    }
}
