package org.harmony.dsar.legalhold;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.harmony.dsar.kernel.process.SubmittedValues;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.LegalHoldOutcome;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal review of a request whose check found holds: which holds it may release, whether a decision is
 * complete, the release itself, and the decision in the request's audit trail.
 */
@Service
public class LegalReviews {

    /** Reason codes a legal reviewer may deny with; the denial mail explains each. */
    private static final Set<String> DENIAL_REASONS = Set.of("LEGAL_HOLD", "LEGAL_OBLIGATION");

    private final LegalHoldCheckRepository checks;
    private final LegalHoldRegistry registry;
    private final RequestRepository requests;
    private final RequestEvents events;

    LegalReviews(LegalHoldCheckRepository checks, LegalHoldRegistry registry, RequestRepository requests,
            RequestEvents events) {
        this.checks = checks;
        this.registry = registry;
        this.requests = requests;
        this.events = events;
    }

    /** The holds the request's latest check found that are still active: those its legal review may release. */
    public List<LegalHold> releasableHolds(String requestId) {
        return checks.latestCheck(requestId).stream().map(CheckedItem::holdId).filter(Objects::nonNull).distinct()
                .map(registry::find).flatMap(Optional::stream).filter(LegalHold::active).toList();
    }

    /** Whether the hold is one the request's latest check found; only those can be released in its review. */
    boolean foundInLatestCheck(String requestId, String holdId) {
        return holdId != null
                && checks.latestCheck(requestId).stream().anyMatch(item -> holdId.equals(item.holdId()));
    }

    /** Why a legal review may not be completed so, the decision as submitted; empty when it may. */
    public Optional<String> refusal(String requestId, String decision, String denialReason, String holdId) {
        return refusalOf(requestId, SubmittedValues.named(LegalReviewDecision.class, decision), denialReason, holdId);
    }

    /** Why a legal review may not be completed so, null for no (valid) decision; empty when it may. */
    public Optional<String> refusalOf(String requestId, LegalReviewDecision decision, String denialReason,
            String holdId) {
        if (decision == null) {
            return Optional.of("Choose confirm partial fulfilment, deny, or release a hold and proceed.");
        }
        if (decision == LegalReviewDecision.DENY
                && (denialReason == null || !DENIAL_REASONS.contains(denialReason))) {
            return Optional.of("A denial needs its reason code: one of " + new TreeSet<>(DENIAL_REASONS) + ".");
        }
        if (decision == LegalReviewDecision.RELEASE_HOLD) {
            if (!foundInLatestCheck(requestId, holdId)) {
                return Optional.of("Name a hold the check found for this request (see the list) to release it.");
            }
            if (registry.find(holdId).map(hold -> !hold.active()).orElse(true)) {
                return Optional.of("Hold " + holdId + " is released already; complete with another decision.");
            }
        }
        return Optional.empty();
    }

    /** Releases a hold from the legal review of a request; recorded on the hold and in the request's trail. */
    @Transactional
    public void releaseForReview(String requestId, String holdId, String note, String releasedBy) {
        DsarRequest request = requests.get(requestId);
        registry.release(holdId, "Released in the legal review of request " + request.reference()
                + (note == null || note.isBlank() ? "" : ": " + note.strip()), releasedBy);
        events.record(requestId, "LEGAL_HOLD_RELEASED", "hold=" + holdId + " by=" + releasedBy);
    }

    /**
     * Records the legal reviewer's decision in the request's audit trail.
     *
     * @return the check's outcome after the decision ({@link LegalReviewDecision#outcome()})
     */
    @Transactional
    public LegalHoldOutcome recordReview(String requestId, LegalReviewDecision decision, String reasonCode,
            String releasedHoldId) {
        events.record(requestId, "LEGAL_REVIEW_COMPLETED", "decision=" + decision.name()
                + (decision == LegalReviewDecision.DENY ? " reason=" + reasonCode : "")
                + (decision == LegalReviewDecision.RELEASE_HOLD ? " releasedHold=" + releasedHoldId : ""));
        return decision.outcome();
    }
}
