package org.harmony.dsar.legalhold;

import org.harmony.dsar.request.LegalHoldOutcome;

/**
 * The legal reviewer's choice in the form LegalReviewForm, by its name, and the check's outcome it leads to (the
 * value of legalHoldOutcome that DsarProcess branches on).
 */
public enum LegalReviewDecision {

    CONFIRM_PARTIAL(LegalHoldOutcome.PROCEED_PARTLY),
    DENY(LegalHoldOutcome.DENY),
    RELEASE_HOLD(LegalHoldOutcome.RECHECK);

    private final LegalHoldOutcome outcome;

    LegalReviewDecision(LegalHoldOutcome outcome) {
        this.outcome = outcome;
    }

    /** The legal-hold outcome after this decision: proceed partly, deny, or check again after a release. */
    public LegalHoldOutcome outcome() {
        return outcome;
    }
}
