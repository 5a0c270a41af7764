package org.harmony.dsar.legalhold.process;

import java.util.Objects;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.legalhold.LegalReviewDecision;
import org.harmony.dsar.legalhold.LegalReviews;
import org.harmony.dsar.request.process.DsarVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On completion of "Legal review": refuses a decision that is incomplete (a denial without its reason code, a
 * release without a hold the check found); the task stays open. A release is carried out here, in the completing
 * transaction, so that the registry records who released the hold.
 */
@Component
class CheckLegalReviewListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckLegalReviewListener.class);

    private final LegalReviews legalReviews;

    CheckLegalReviewListener(LegalReviews legalReviews) {
        this.legalReviews = legalReviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestId = DsarVariables.REQUEST_ID.from(task);
        LegalReviewDecision decision = LegalHoldVariables.LEGAL_REVIEW_DECISION.fromOrNull(task);
        String holdId = LegalHoldVariables.HOLD_TO_RELEASE.fromOrNull(task);
        legalReviews.refusalOf(requestId, decision, LegalHoldVariables.LEGAL_DENIAL_REASON.fromOrNull(task), holdId)
                .ifPresent(refusal -> {
                    log.info("Legal review of request {} refused: {}", DsarVariables.REQUEST_REFERENCE.fromOrNull(task),
                            refusal);
                    throw new BadUserRequestException(refusal);
                });
        if (decision == LegalReviewDecision.RELEASE_HOLD) {
            legalReviews.releaseForReview(requestId, holdId, LegalHoldVariables.RELEASE_NOTE.fromOrNull(task),
                    Objects.requireNonNullElse(TaskActors.completedBy(task), "unknown"));
        }
    }
}
