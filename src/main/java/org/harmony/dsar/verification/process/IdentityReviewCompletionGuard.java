package org.harmony.dsar.verification.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.TrustedIdentifiers;
import org.springframework.stereotype.Component;

/**
 * "Review identity" checked before an HTTP completion reaches the engine, so that the officer gets a 400 naming the
 * identifiers that cannot be confirmed; {@link CheckIdentityReviewListener} enforces the same inside the engine.
 */
@Component
class IdentityReviewCompletionGuard implements TaskCompletionGuard {

    static final String REVIEW_IDENTITY_TASK = "UserTask_ReviewIdentity";

    private final TrustedIdentifiers identifiers;

    IdentityReviewCompletionGuard(TrustedIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!REVIEW_IDENTITY_TASK.equals(task.getTaskDefinitionKey())
                || !(DsarVariables.REQUEST_ID.submittedIn(values) instanceof String requestId)) {
            return Optional.empty();
        }
        Object names = DsarVariables.CONFIRMED_IDENTIFIERS.submittedIn(values);
        return identifiers.refusal(requestId, names instanceof String text ? text : null);
    }
}
