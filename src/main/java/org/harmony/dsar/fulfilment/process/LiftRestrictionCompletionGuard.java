package org.harmony.dsar.fulfilment.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.springframework.stereotype.Component;

/**
 * "Lift restriction" checked before an HTTP completion reaches the engine: a lift needs its reason (400 otherwise);
 * {@link RecordLiftDecisionListener} enforces the same inside the engine.
 */
@Component
class LiftRestrictionCompletionGuard implements TaskCompletionGuard {

    static final String LIFT_RESTRICTION_TASK = "UserTask_LiftRestriction";

    private final RestrictionLifts lifts;

    LiftRestrictionCompletionGuard(RestrictionLifts lifts) {
        this.lifts = lifts;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!LIFT_RESTRICTION_TASK.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        Object decision = RightsVariables.LIFT_DECISION.submittedIn(values);
        Object reason = RightsVariables.LIFT_REASON.submittedIn(values);
        return lifts.refusal(decision instanceof String text ? text : null, reason instanceof String text ? text : null);
    }
}
