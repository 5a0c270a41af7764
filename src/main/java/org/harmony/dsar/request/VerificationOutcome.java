package org.harmony.dsar.request;

/** How verification of a request's identity ended. */
public enum VerificationOutcome {
    VERIFIED, UNVERIFIABLE, ABANDONED
}
