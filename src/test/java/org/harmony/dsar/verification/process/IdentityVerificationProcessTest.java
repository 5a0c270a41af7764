package org.harmony.dsar.verification.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Process test for IdentityVerificationProcess.bpmn: confirmed email address, and the elapsed verification period. */
class IdentityVerificationProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml")
            .build();

    private static final String PROCESS_KEY = "IdentityVerificationProcess";
    private static final String BPMN = "processes/IdentityVerificationProcess.bpmn";
    private static final String REQUEST_REFERENCE = "DSAR-2025-000123";
    private static final Instant NOW = Instant.parse("2025-10-20T09:00:00Z");

    /** requestId as the verification code delegate saw it, one entry per execution. */
    private final List<Object> codesSentForRequests = new ArrayList<>();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("sendVerificationCodeDelegate",
                (JavaDelegate) execution -> codesSentForRequests.add(execution.getVariable("requestId")));
    }

    @AfterEach
    void resetMocks() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = BPMN)
    void shouldEndVerifiedWhenRequesterConfirmsEmailAddress() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST_REFERENCE, requestVariables());

        assertThat(pi).isWaitingAt("ServiceTask_SendVerificationCode");
        execute(job(pi));
        Assertions.assertThat(codesSentForRequests).containsExactly("request-42");
        assertThat(pi).isWaitingAt("Gateway_AwaitVerification");

        runtimeService().createMessageCorrelation("EmailVerified")
                .processInstanceBusinessKey(REQUEST_REFERENCE)
                .correlate();

        assertThat(pi).isEnded()
                .hasPassedInOrder("ServiceTask_SendVerificationCode", "CatchEvent_EmailVerified", "EndEvent_IdentityVerified")
                .hasNotPassed("CatchEvent_VerificationPeriodElapsed");
        assertThat(pi).variables().containsEntry("identityVerified", true);
    }

    @Test
    @Deployment(resources = BPMN)
    void shouldEndUnverifiedWhenVerificationPeriodElapses() {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(REQUEST_REFERENCE)
                .setVariables(requestVariables())
                .startBeforeActivity("Gateway_AwaitVerification")
                .execute();

        Job timer = job(pi);
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
        execute(timer);

        assertThat(pi).isEnded()
                .hasPassed("CatchEvent_VerificationPeriodElapsed", "EndEvent_VerificationAbandoned")
                .hasNotPassed("CatchEvent_EmailVerified");
        assertThat(pi).variables().containsEntry("identityVerified", false);
        Assertions.assertThat(codesSentForRequests).isEmpty();
    }

    private static VariableMap requestVariables() {
        return Variables.createVariables()
                .putValue("requestId", "request-42")
                .putValue("requestReference", REQUEST_REFERENCE)
                .putValue("requestType", "ACCESS")
                .putValue("jurisdiction", "EU")
                .putValue("dueAt", Date.from(NOW.plus(Duration.ofDays(30))));
    }
}
