package org.harmony.dsar.intake.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.harmony.dsar.models.DeployedForms;
import org.harmony.dsar.request.process.DsarVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for LogRequestProcess.bpmn: a compliance officer logs a request with the start form; it is registered
 * in the same transaction, so a refused entry refuses the start itself.
 */
class LogRequestProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String BPMN = "processes/LogRequestProcess.bpmn";
    private static final String FORM = "forms/LogRequestForm.form";

    /** The variables the registration saw, one map per execution. */
    private final List<Map<String, Object>> registered = new ArrayList<>();
    private String refusal;

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        extension.getProcessEngine().getIdentityService().setAuthenticatedUserId("officer1");
        Mocks.register("registerLoggedRequestDelegate", (JavaDelegate) execution -> {
            registered.add(new HashMap<>(execution.getVariables()));
            if (refusal != null) {
                throw new BadUserRequestException(refusal);
            }
            DsarVariables.REQUEST_REFERENCE.on(execution, "DSAR-2025-000123");
        });
    }

    @AfterEach
    void removeMocks() {
        extension.getProcessEngine().getIdentityService().clearAuthentication();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldRegisterTheLoggedRequestWhenTheOfficerSubmitsTheStartForm() throws IOException {
        Assertions.assertThat(DeployedForms.ofStart(formService(), definitionId()))
                .contains("\"id\": \"LogRequestForm\"");

        ProcessInstance pi = formService().submitStartForm(definitionId(), loggedLetter());

        assertThat(pi).isEnded().hasPassedInOrder("StartEvent_RequestLogged", "ServiceTask_RegisterLoggedRequest",
                "EndEvent_LoggedRequestRegistered");
        Assertions.assertThat(registered).singleElement().satisfies(variables -> Assertions.assertThat(variables)
                .containsEntry("channel", "LETTER").containsEntry("receivedOn", "2025-11-03")
                .containsEntry("requestType", "ACCESS").containsEntry("loggedBy", "officer1"));
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("requestReference").singleResult().getValue()).isEqualTo("DSAR-2025-000123");
    }

    @Test
    @Deployment(resources = {BPMN, FORM})
    void shouldRefuseTheStartWhenTheRegistrationRefusesTheEntry() {
        refusal = "The day received is in the future.";

        assertThatThrownBy(() -> formService().submitStartForm(definitionId(), loggedLetter()))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining(refusal);

        Assertions.assertThat(registered).hasSize(1);
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
    }

    private static VariableMap loggedLetter() {
        return Variables.createVariables()
                .putValue("channel", "LETTER")
                .putValue("receivedOn", "2025-11-03")
                .putValue("requestType", "ACCESS")
                .putValue("jurisdiction", "UK")
                .putValue("language", "en");
    }

    private static String definitionId() {
        return repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LoggedRequestVariables.PROCESS_KEY).singleResult().getId();
    }
}
