package org.harmony.dsar.legalhold.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.legalhold.LegalReviews;
import org.harmony.dsar.request.LegalHoldOutcome;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Records the legal reviewer's decision in the audit trail; sets legalHoldOutcome from it. */
@Component
class RecordLegalReviewDelegate implements JavaDelegate {

    private final LegalReviews legalReviews;

    RecordLegalReviewDelegate(LegalReviews legalReviews) {
        this.legalReviews = legalReviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalHoldOutcome outcome = legalReviews.recordReview(DsarVariables.REQUEST_ID.from(execution),
                LegalHoldVariables.LEGAL_REVIEW_DECISION.from(execution),
                LegalHoldVariables.LEGAL_DENIAL_REASON.fromOrNull(execution),
                LegalHoldVariables.HOLD_TO_RELEASE.fromOrNull(execution));
        DsarVariables.LEGAL_HOLD_OUTCOME.on(execution, outcome);
    }
}
