package org.harmony.dsar.system.process;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.system.FormRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On completion of a user task, checks the values against the rules of the task's own Camunda Form, whatever
 * path the completion took (Tasklist, REST, Java). A violation refuses the completion with a message naming
 * each field; the task stays open and nothing is lost. {@link SubmissionGuardFilter} answers REST callers
 * the same check as a 400 before the engine is reached.
 */
@Component
class ValidateFormSubmissionListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ValidateFormSubmissionListener.class);

    private final TaskFormRules formRules;

    ValidateFormSubmissionListener(TaskFormRules formRules) {
        this.formRules = formRules;
    }

    @Override
    public void notify(DelegateTask task) {
        FormRules rules = formRules.of(task.getId()).orElse(null);
        if (rules == null) {
            return;
        }
        List<String> violations = rules.violations(task::getVariable);
        if (!violations.isEmpty()) {
            log.info("Completion of task {} ({}) refused: {} invalid fields", task.getId(),
                    task.getTaskDefinitionKey(), violations.size());
            throw new BadUserRequestException(rules.refusal(violations));
        }
    }
}
