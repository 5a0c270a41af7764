package org.harmony.dsar.inbox.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.inbox.MailTriage;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.springframework.stereotype.Component;

/**
 * "Triage incoming request" checked before an HTTP completion reaches the engine, so that the officer gets a 400
 * naming what is missing; {@link RecordTriageListener} enforces the same inside the engine.
 */
@Component
class TriageCompletionGuard implements TaskCompletionGuard {

    private final MailTriage triage;

    TriageCompletionGuard(MailTriage triage) {
        this.triage = triage;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!TriageSubmission.TRIAGE_TASK.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        return triage.refusal(MailIntakeVariables.INCOMING_MAIL_ID.submittedIn(values) instanceof String mailId
                ? mailId : null, TriageSubmission.from(values));
    }
}
