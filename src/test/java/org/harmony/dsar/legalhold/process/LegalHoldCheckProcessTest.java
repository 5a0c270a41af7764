package org.harmony.dsar.legalhold.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Process test for LegalHoldCheckProcess.bpmn. */
class LegalHoldCheckProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    private static final String REQUEST_REFERENCE = "DSAR-2025-000123";

    /** requestId as the legal hold delegate saw it, one entry per execution. */
    private final List<Object> checkedRequests = new ArrayList<>();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("checkLegalHoldsDelegate", (JavaDelegate) execution -> {
            checkedRequests.add(execution.getVariable("requestId"));
            execution.setVariable("legalHoldActive", true);
        });
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = "processes/LegalHoldCheckProcess.bpmn")
    void shouldCheckLegalHoldsOnceAndReturnTheResult() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("LegalHoldCheckProcess", REQUEST_REFERENCE,
                Variables.createVariables()
                        .putValue("requestId", "request-42")
                        .putValue("requestReference", REQUEST_REFERENCE)
                        .putValue("requestType", "ERASURE")
                        .putValue("jurisdiction", "EU"));

        // The check runs in a job of its own, so that the verification that precedes it commits first.
        assertThat(pi).isWaitingAt("ServiceTask_CheckLegalHolds");
        BpmnAwareTests.execute(BpmnAwareTests.job());

        assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_CheckLegalHolds", "EndEvent_CheckCompleted");
        assertThat(pi).variables().containsEntry("legalHoldActive", true);
        Assertions.assertThat(checkedRequests).containsExactly("request-42");
    }
}
