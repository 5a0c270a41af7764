package org.harmony.dsar.system.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.harmony.dsar.system.FormRules;
import org.springframework.stereotype.Component;

/**
 * The rules of the Camunda Form a user task shows. Forms bound to their deployment never change, so the rules are
 * parsed once per process definition and task.
 */
@Component
public class TaskFormRules implements TaskCompletionGuard {

    private final FormService forms;
    private final TaskService tasks;
    private final ObjectMapper json;
    private final Map<String, FormRules> cache = new ConcurrentHashMap<>();

    TaskFormRules(FormService forms, TaskService tasks, ObjectMapper json) {
        this.forms = forms;
        this.tasks = tasks;
        this.json = json;
    }

    /** The rules of the task's form, or empty when the task has no Camunda Form. */
    public Optional<FormRules> of(String taskId) {
        return of(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    }

    /** As {@link #of(String)}, for a task read with its form keys initialised. */
    private Optional<FormRules> of(Task task) {
        if (task == null || task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        return Optional.of(cache.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                key -> load(task.getId())));
    }

    /**
     * Why a completion carrying these variables is refused: a name that is no field a user can fill in on the task's
     * form ({@code requestType}, {@code dueAt}: decisions of the process, not of the user); a task without a Camunda
     * Form takes no variables. Empty when every name is a field of the form.
     */
    public Optional<String> unknownFields(Task task, Set<String> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Optional<FormRules> rules = of(task);
        if (rules.isEmpty()) {
            return Optional.of("The task " + task.getName() + " has no form and is completed without variables: "
                    + String.join(", ", names.stream().sorted().toList()) + " cannot be submitted.");
        }
        List<String> unknown = rules.get().unknownFields(names.stream().sorted().toList());
        return unknown.isEmpty() ? Optional.empty() : Optional.of(rules.get().refusal(unknown));
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        return of(task).map(rules -> {
            List<String> violations = rules.violations(values);
            return violations.isEmpty() ? null : rules.refusal(violations);
        });
    }

    private FormRules load(String taskId) {
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            return FormRules.parse(json.readTree(form));
        } catch (IOException e) {
            throw new IllegalStateException("The form of task " + taskId + " is not valid JSON", e);
        }
    }
}
