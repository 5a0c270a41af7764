package org.harmony.dsar.appeal.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.appeal.AppealDecision;
import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.kernel.process.SubmittedValues;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * The appeal rules checked before an HTTP completion of "Decide appeal" reaches the engine, so that Tasklist and
 * REST callers get a 400 with the reason; {@link RecordAppealDecisionListener} enforces them inside the engine.
 */
@Component
class AppealDecisionGuard implements TaskCompletionGuard {

    static final String TASK = "UserTask_DecideAppeal";

    private final Appeals appeals;

    AppealDecisionGuard(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!TASK.equals(task.getTaskDefinitionKey())
                || !(DsarVariables.REQUEST_ID.submittedIn(values) instanceof String requestId)) {
            return Optional.empty();
        }
        return appeals.refusal(requestId, SubmittedValues.named(AppealDecision.class,
                        text(AppealVariables.APPEAL_DECISION.submittedIn(values))),
                text(AppealVariables.APPEAL_DECISION_REASONS.submittedIn(values)),
                userId != null ? userId : task.getAssignee());
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
