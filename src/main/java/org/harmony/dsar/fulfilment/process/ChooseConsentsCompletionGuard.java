package org.harmony.dsar.fulfilment.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.fulfilment.Suppressions;
import org.harmony.dsar.kernel.process.FormJson;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * "Choose consents to withdraw" checked before an HTTP completion reaches the engine, so that the officer gets a 400
 * naming a consent not found for the subject; {@link RecordChosenConsentsListener} enforces the same inside the engine.
 */
@Component
class ChooseConsentsCompletionGuard implements TaskCompletionGuard {

    static final String CHOOSE_CONSENTS_TASK = "UserTask_ChooseConsents";

    private final Suppressions suppressions;

    ChooseConsentsCompletionGuard(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!CHOOSE_CONSENTS_TASK.equals(task.getTaskDefinitionKey())
                || !(DsarVariables.REQUEST_ID.submittedIn(values) instanceof String requestId)) {
            return Optional.empty();
        }
        try {
            return suppressions.refusal(requestId,
                    FormJson.strings(RightsVariables.CONSENTS_TO_WITHDRAW.submittedIn(values)));
        } catch (IllegalArgumentException unreadable) {
            return Optional.of(unreadable.getMessage());
        }
    }
}
