package org.harmony.dsar.request;

/** The compliance officer's decision in "Review identity"; the models compare the constant's name. */
public enum IdentityReviewDecision {
    VERIFIED,
    ASK_FOR_MORE,
    REJECT
}
