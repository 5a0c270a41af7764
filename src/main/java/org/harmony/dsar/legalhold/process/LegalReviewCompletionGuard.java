package org.harmony.dsar.legalhold.process;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.harmony.dsar.legalhold.LegalReviews;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * The legal review's rules checked before an HTTP completion reaches the engine, so that the caller gets a 400 with
 * the reason; {@link CheckLegalReviewListener} enforces the same inside the engine.
 */
@Component
class LegalReviewCompletionGuard implements TaskCompletionGuard {

    static final String LEGAL_REVIEW_TASK = "UserTask_LegalReview";

    private final LegalReviews legalReviews;

    LegalReviewCompletionGuard(LegalReviews legalReviews) {
        this.legalReviews = legalReviews;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!LEGAL_REVIEW_TASK.equals(task.getTaskDefinitionKey())
                || !(DsarVariables.REQUEST_ID.submittedIn(values) instanceof String requestId)) {
            return Optional.empty();
        }
        return legalReviews.refusal(requestId, text(LegalHoldVariables.LEGAL_REVIEW_DECISION.submittedIn(values)),
                text(LegalHoldVariables.LEGAL_DENIAL_REASON.submittedIn(values)),
                text(LegalHoldVariables.HOLD_TO_RELEASE.submittedIn(values)));
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
