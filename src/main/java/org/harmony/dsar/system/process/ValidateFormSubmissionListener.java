package org.harmony.dsar.system.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.system.FormRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On completion of a user task, checks the submitted values against the rules of the task's own Camunda Form.
 * A violation refuses the completion with a message naming each field (HTTP 400 from the REST API, an error
 * notice in Tasklist); the task stays open and nothing is lost.
 */
@Component
class ValidateFormSubmissionListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ValidateFormSubmissionListener.class);

    private final ObjectMapper json;
    /** Forms bound to a deployment never change, so their rules are parsed once per process definition. */
    private final Map<String, FormRules> rulesByTaskDefinition = new ConcurrentHashMap<>();

    ValidateFormSubmissionListener(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        FormRules rules = rulesByTaskDefinition.computeIfAbsent(
                task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> load(task));
        List<String> violations = rules.violations(task::getVariable);
        if (!violations.isEmpty()) {
            log.info("Completion of task {} ({}) refused: {} invalid fields", task.getId(),
                    task.getTaskDefinitionKey(), violations.size());
            throw new BadUserRequestException("The form " + rules.formId() + " cannot be submitted: "
                    + String.join("; ", violations) + ".");
        }
    }

    private FormRules load(DelegateTask task) {
        try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
            return FormRules.parse(json.readTree(form));
        } catch (IOException e) {
            throw new IllegalStateException("The form of task " + task.getTaskDefinitionKey() + " is not valid JSON", e);
        }
    }
}
