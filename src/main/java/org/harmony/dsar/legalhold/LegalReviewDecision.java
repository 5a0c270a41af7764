package org.harmony.dsar.legalhold;

import java.util.Arrays;
import java.util.Optional;

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

    /** The decision of that name; empty for anything else, including null. */
    public static Optional<LegalReviewDecision> of(String name) {
        return Arrays.stream(values()).filter(decision -> decision.name().equals(name)).findFirst();
    }
}
