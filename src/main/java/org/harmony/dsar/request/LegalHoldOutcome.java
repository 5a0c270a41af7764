package org.harmony.dsar.request;

/**
 * What the legal-hold check decided for a request, the value of legalHoldOutcome that the request's process branches
 * on: the LegalHoldOutcome decision table gives the first three, the legal reviewer's decision the last two.
 */
public enum LegalHoldOutcome {
    PROCEED, PROCEED_PARTLY, LEGAL_REVIEW, DENY, RECHECK
}
