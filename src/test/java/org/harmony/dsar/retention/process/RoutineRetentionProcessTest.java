package org.harmony.dsar.retention.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process test for RoutineRetentionProcess.bpmn: one timer job, due at the next 03:00, starts a run whose deletion
 * is a job of its own; a failing deletion stays a job to retry (an incident once its retries are spent).
 */
@Deployment(resources = RoutineRetentionProcessTest.BPMN)
class RoutineRetentionProcessTest {

    static final String BPMN = "processes/RoutineRetentionProcess.bpmn";

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private final List<String> runs = new ArrayList<>();
    private boolean failing;

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("deleteExpiredRecordsDelegate", (JavaDelegate) execution -> {
            if (failing) {
                throw new IllegalStateException("processor unreachable");
            }
            runs.add(execution.getProcessInstanceId());
        });
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldStartOneRunFromTheNightlyTimerAndDeleteInAJobOfItsOwn() {
        Job timer = timer();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        Assertions.assertThat(due.getHour()).isEqualTo(3);
        Assertions.assertThat(due.getMinute()).isZero();
        Assertions.assertThat(due).isBefore(ZonedDateTime.now().plusDays(1).plusMinutes(1));

        managementService().executeJob(timer.getId());
        ProcessInstance run = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("RoutineRetentionProcess").singleResult();
        assertThat(run).isWaitingAt("ServiceTask_DeleteExpiredRecords");
        Assertions.assertThat(runs).isEmpty();

        execute(job(run));

        assertThat(run).isEnded().hasPassedInOrder("StartEvent_RetentionDue", "ServiceTask_DeleteExpiredRecords",
                "EndEvent_RetentionDone");
        Assertions.assertThat(runs).containsExactly(run.getId());
        Assertions.assertThat(timer()).as("the next night's timer").isNotNull();
    }

    @Test
    void shouldKeepAFailedDeletionAsAJobToRetry() {
        failing = true;
        managementService().executeJob(timer().getId());
        ProcessInstance run = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("RoutineRetentionProcess").singleResult();

        Assertions.assertThatThrownBy(() -> execute(job(run))).hasMessageContaining("processor unreachable");

        assertThat(run).isWaitingAt("ServiceTask_DeleteExpiredRecords");
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(run.getId()).singleResult()
                .getRetries()).isEqualTo(2);
    }

    private static Job timer() {
        return managementService().createJobQuery().timers().processDefinitionKey("RoutineRetentionProcess")
                .singleResult();
    }
}
