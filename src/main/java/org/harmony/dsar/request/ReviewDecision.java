package org.harmony.dsar.request;

/** The compliance officer's decision in "Review response"; the models compare the constant's name. */
public enum ReviewDecision {
    APPROVE,
    SEND_BACK,
    DENY
}
