package org.harmony.dsar.kernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed reads and writes of one variable: in a scope, locally, through the runtime service and the task service. */
class ProcessVariableTest {

    enum Decision { APPROVE, DENY }

    final ProcessVariable<String> NOTE = ProcessVariable.of("note", String.class);
    final ProcessVariable<Decision> DECISION = ProcessVariable.ofEnum("decision", Decision.class);

    @RegisterExtension
    static final ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    ProcessEngine engine;
    RuntimeService runtime;
    TaskService tasks;
    String deploymentId;
    String instanceId;
    String taskId;

    @BeforeEach
    void deployAProcessWaitingAtATask() {
        engine = extension.getProcessEngine();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        deploymentId = engine.getRepositoryService().createDeployment().addModelInstance("VariableTest.bpmn",
                Bpmn.createExecutableProcess("VariableTest").startEvent().userTask("Task_Wait").endEvent().done())
                .deploy().getId();
    }

    @AfterEach
    void removeTheDeployment() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void shouldWriteAndReadAValueThroughTheRuntimeService() {
        start();
        NOTE.on(runtime, instanceId, "checked");

        assertThat(NOTE.from(runtime, instanceId)).isEqualTo("checked");
        assertThat(runtime.getVariable(instanceId, "note")).isEqualTo("checked");
    }

    @Test
    void shouldStoreAnEnumAsItsNameAndReadItBackAsTheConstant() {
        start();
        DECISION.on(runtime, instanceId, Decision.DENY);

        assertThat(runtime.getVariable(instanceId, "decision")).isEqualTo("DENY");
        assertThat(DECISION.from(runtime, instanceId)).isEqualTo(Decision.DENY);
    }

    @Test
    void shouldReadTextNamingNoConstantAsNoDecision() {
        start();
        runtime.setVariable(instanceId, "decision", "MAYBE");

        assertThat(DECISION.fromOrNull(runtime, instanceId)).isNull();
        assertThatThrownBy(() -> DECISION.from(runtime, instanceId))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MAYBE");
    }

    @Test
    void shouldGiveNullOrRefuseWhenTheValueIsNotSet() {
        start();
        assertThat(NOTE.fromOrNull(runtime, instanceId)).isNull();
        assertThat(DECISION.fromOrNull(tasks, taskId)).isNull();
        assertThatThrownBy(() -> NOTE.from(runtime, instanceId))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'note'");
        assertThatThrownBy(() -> DECISION.from(tasks, taskId)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldWriteThroughTheTaskServiceAValueTheProcessSees() {
        start();
        DECISION.on(tasks, taskId, Decision.APPROVE);

        assertThat(DECISION.from(tasks, taskId)).isEqualTo(Decision.APPROVE);
        assertThat(DECISION.from(runtime, instanceId)).isEqualTo(Decision.APPROVE);
    }

    @Test
    void shouldKeepALocalValueInTheTaskAlone() {
        start();
        NOTE.on(runtime, instanceId, "process");

        inTask(task -> {
            NOTE.onLocal(task, "task");
            DECISION.onLocal(task, Decision.DENY);
            assertThat(NOTE.fromLocal(task)).isEqualTo("task");
            assertThat(DECISION.fromLocalOrNull(task)).isEqualTo(Decision.DENY);
            assertThat(task.getVariableLocal("decision")).isEqualTo("DENY");
        });

        assertThat(NOTE.from(runtime, instanceId)).isEqualTo("process");
        assertThat(NOTE.from(tasks, taskId)).isEqualTo("task");
        assertThat(DECISION.fromOrNull(runtime, instanceId)).isNull();
    }

    @Test
    void shouldSetAValueOfAnEngineTypeInTheTask() {
        start();
        inTask(task -> NOTE.onLocalTyped(task, Variables.stringValue("typed")));

        assertThat(NOTE.from(tasks, taskId)).isEqualTo("typed");
        assertThat(NOTE.fromOrNull(runtime, instanceId)).isNull();
    }

    @Test
    void shouldReadNoLocalValueFromAParentScope() {
        start();
        NOTE.on(runtime, instanceId, "process");

        inTask(task -> {
            assertThat(NOTE.from(task)).isEqualTo("process");
            assertThat(NOTE.fromLocalOrNull(task)).isNull();
            assertThatThrownBy(() -> NOTE.fromLocal(task)).isInstanceOf(IllegalStateException.class);
            NOTE.removeFrom(task);
        });

        assertThat(NOTE.fromOrNull(runtime, instanceId)).isNull();
    }

    @Test
    void shouldPutTheStoredValueIntoAMapOfVariables() {
        Map<String, Object> variables = new HashMap<>();
        DECISION.into(variables, Decision.APPROVE);
        NOTE.into(variables, "checked");

        assertThat(variables).containsExactlyInAnyOrderEntriesOf(Map.of("decision", "APPROVE", "note", "checked"));
    }

    @Test
    void shouldReadWhatAFormSubmits() {
        assertThat(NOTE.submittedIn(Map.<String, Object>of("note", "typed")::get)).isEqualTo("typed");
    }

    /** Started in the test itself: the coverage extension records runs only from there. */
    private void start() {
        instanceId = runtime.startProcessInstanceByKey("VariableTest").getId();
        taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    private void inTask(Consumer<VariableScope> work) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    work.accept(context.getTaskManager().findTaskById(taskId));
                    return null;
                });
    }
}
