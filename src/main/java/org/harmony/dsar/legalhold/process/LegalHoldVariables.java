package org.harmony.dsar.legalhold.process;

import org.harmony.dsar.kernel.process.ProcessVariable;
import org.harmony.dsar.legalhold.LegalReviewDecision;

/** The variables of LegalHoldCheckProcess beyond the request's own: counts, codes and ids, no personal data. */
final class LegalHoldVariables {

    /** Holds in force that keep some of the subject's data (subject, source and category holds). */
    static final ProcessVariable<Integer> HOLDS_FOUND = ProcessVariable.of("holdsFound", Integer.class);
    /** Of those, holds on the subject itself. */
    static final ProcessVariable<Integer> SUBJECT_HOLDS = ProcessVariable.of("subjectHolds", Integer.class);
    /** Tables of which a retention rule keeps the rows inside its period (erasure only). */
    static final ProcessVariable<Integer> RETENTION_KEEPS = ProcessVariable.of("retentionKeeps", Integer.class);
    /** Whether holds keep every table an erasure would touch. */
    static final ProcessVariable<Boolean> EVERYTHING_KEPT = ProcessVariable.of("everythingKept", Boolean.class);
    /** Task-local while "Legal review" is open: the holds and rules that apply and what would be kept. */
    static final ProcessVariable<String> LEGAL_REVIEW_SUMMARY = ProcessVariable.of("legalReviewSummary", String.class);
    /** The legal reviewer's decision, submitted by its name; a name that is no decision reads as null. */
    static final ProcessVariable<LegalReviewDecision> LEGAL_REVIEW_DECISION =
            ProcessVariable.ofEnum("legalReviewDecision", LegalReviewDecision.class);
    /** With DENY: the reason code the denial mail explains (LEGAL_HOLD, LEGAL_OBLIGATION). */
    static final ProcessVariable<String> LEGAL_DENIAL_REASON = ProcessVariable.of("legalDenialReason", String.class);
    /** With RELEASE_HOLD: the id of the hold to release, and why (no personal data). */
    static final ProcessVariable<String> HOLD_TO_RELEASE = ProcessVariable.of("holdToRelease", String.class);
    static final ProcessVariable<String> RELEASE_NOTE = ProcessVariable.of("releaseNote", String.class);

    private LegalHoldVariables() {
    }
}
