package org.harmony.dsar.fulfilment.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.fulfilment.Objections;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.springframework.stereotype.Component;

/**
 * "Weigh objection" checked before an HTTP completion reaches the engine: continuing the processing needs its
 * compelling legitimate grounds (400 otherwise); {@link RecordObjectionDecisionListener} enforces the same inside.
 */
@Component
class WeighObjectionCompletionGuard implements TaskCompletionGuard {

    static final String WEIGH_OBJECTION_TASK = "UserTask_WeighObjection";

    private final Objections objections;

    WeighObjectionCompletionGuard(Objections objections) {
        this.objections = objections;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!WEIGH_OBJECTION_TASK.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        Object decision = RightsVariables.OBJECTION_DECISION.submittedIn(values);
        Object grounds = RightsVariables.COMPELLING_GROUNDS.submittedIn(values);
        return objections.refusal(decision instanceof String text ? text : null,
                grounds instanceof String text ? text : null);
    }
}
