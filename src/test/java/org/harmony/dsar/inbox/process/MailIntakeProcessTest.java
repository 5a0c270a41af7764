package org.harmony.dsar.inbox.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.models.DeployedForms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Process test for MailIntakeProcess.bpmn: a compliance officer triages a mail into a request, or closes it. */
class MailIntakeProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String BPMN = "processes/MailIntakeProcess.bpmn";
    private static final String FORM = "forms/TriageIncomingRequestForm.form";
    private static final String MAIL_KEY = "MAIL-2025-000042";
    private static final Date TRIAGE_DUE = Date.from(Instant.parse("2099-11-02T17:00:00Z"));

    /** What each mocked step saw, in the order they ran: step name and incomingMailId (and decision to close). */
    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("prepareTriageListener", (TaskListener) task -> steps.add("prepare " + task.getVariable(
                MailIntakeVariables.INCOMING_MAIL_ID.name())));
        Mocks.register("validateFormSubmissionListener", (TaskListener) task -> steps.add("validate"));
        Mocks.register("recordTriageListener", (TaskListener) task -> steps.add("record "
                + task.getVariable(MailIntakeVariables.TRIAGE_DECISION.name())));
        Mocks.register("registerMailRequestDelegate", (JavaDelegate) execution -> {
            steps.add("register " + MailIntakeVariables.INCOMING_MAIL_ID.from(execution));
            MailIntakeVariables.REQUEST_REFERENCE.on(execution, "DSAR-2025-000123");
        });
        Mocks.register("closeIncomingMailDelegate", (JavaDelegate) execution -> steps.add("close "
                + MailIntakeVariables.INCOMING_MAIL_ID.from(execution) + " "
                + MailIntakeVariables.TRIAGE_DECISION.from(execution)));
    }

    @AfterEach
    void removeMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldRegisterARequestInItsOwnJobWhenTheOfficerFindsARightsRequest() throws IOException {
        ProcessInstance pi = startWithMail();

        assertThat(pi).isWaitingAt("UserTask_TriageIncomingRequest");
        Task triage = task(pi);
        assertThat(triage).hasCandidateGroup("complianceOfficers").hasDueDate(TRIAGE_DUE);
        Assertions.assertThat(DeployedForms.ofTask(formService(), triage))
                .contains("\"id\": \"TriageIncomingRequestForm\"");

        complete(triage, withVariables(MailIntakeVariables.TRIAGE_DECISION.name(), "REQUEST",
                MailIntakeVariables.REQUEST_TYPE.name(), "ACCESS", MailIntakeVariables.JURISDICTION.name(), "EU"));

        assertThat(pi).isWaitingAt("ServiceTask_RegisterRequest");
        Assertions.assertThat(steps).containsExactly("prepare mail-1", "validate", "record REQUEST");
        execute(job("ServiceTask_RegisterRequest", pi));

        assertThat(pi).isEnded().hasPassedInOrder("StartEvent_MailReceived", "UserTask_TriageIncomingRequest",
                "Gateway_TriageDecision", "ServiceTask_RegisterRequest", "EndEvent_RequestRegistered")
                .hasNotPassed("ServiceTask_CloseIncomingMail");
        assertThat(pi).variables().containsEntry(MailIntakeVariables.REQUEST_REFERENCE.name(), "DSAR-2025-000123");
        Assertions.assertThat(steps).containsExactly("prepare mail-1", "validate", "record REQUEST",
                "register mail-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOT_A_REQUEST", "SPAM"})
    @Deployment(resources = {BPMN, FORM})
    void shouldCloseTheMailWithoutARequestWhenTheOfficerFindsNoRightsRequest(String decision) {
        ProcessInstance pi = startWithMail();

        complete(task(pi), withVariables(MailIntakeVariables.TRIAGE_DECISION.name(), decision));

        assertThat(pi).isEnded().hasPassedInOrder("UserTask_TriageIncomingRequest", "Gateway_TriageDecision",
                "ServiceTask_CloseIncomingMail", "EndEvent_MailClosed")
                .hasNotPassed("ServiceTask_RegisterRequest", "EndEvent_RequestRegistered");
        assertThat(pi).variables().doesNotContainKey(MailIntakeVariables.REQUEST_REFERENCE.name());
        Assertions.assertThat(steps).containsExactly("prepare mail-1", "validate", "record " + decision,
                "close mail-1 " + decision);
    }

    private static ProcessInstance startWithMail() {
        return runtimeService().startProcessInstanceByKey(MailIntakeVariables.PROCESS_KEY, MAIL_KEY,
                Variables.createVariables()
                        .putValue(MailIntakeVariables.INCOMING_MAIL_ID.name(), "mail-1")
                        .putValue(MailIntakeVariables.CHANNEL.name(), "EMAIL")
                        .putValue(MailIntakeVariables.TRIAGE_DUE.name(), TRIAGE_DUE));
    }
}
