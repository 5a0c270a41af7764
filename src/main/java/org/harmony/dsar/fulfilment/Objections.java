package org.harmony.dsar.fulfilment;

import java.time.Clock;
import java.util.Optional;

import org.harmony.dsar.kernel.process.SubmittedValues;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestObjections.Decision;
import org.harmony.dsar.request.RequestObjections;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections (GDPR Art 21): what one is to, the compliance officer's weighing of one to other processing, and the
 * outcome when compelling legitimate grounds let the processing continue. Stopping the processing is a suppression
 * ({@link Suppressions}).
 */
@Service
public class Objections {

    private final RequestObjections objections;
    private final FulfilmentOutcomes outcomes;
    private final RequestEvents events;
    private final Clock clock;

    Objections(RequestObjections objections, FulfilmentOutcomes outcomes, RequestEvents events, Clock clock) {
        this.objections = objections;
        this.outcomes = outcomes;
        this.events = events;
        this.clock = clock;
    }

    public ObjectionScope objectsTo(String requestId) {
        return objections.of(requestId).objectsTo();
    }

    /**
     * Why this decision, as submitted, cannot be recorded (unknown, or continuing without naming the grounds); empty
     * when it can.
     */
    public Optional<String> refusal(String decision, String compellingGrounds) {
        return refusalOf(SubmittedValues.named(Decision.class, decision), compellingGrounds);
    }

    /** Why this decision (null for none) cannot be recorded; empty when it can. */
    public Optional<String> refusalOf(Decision decision, String compellingGrounds) {
        if (decision == null) {
            return Optional.of("Choose a decision on the objection");
        }
        if (decision == Decision.CONTINUE_PROCESSING && (compellingGrounds == null || compellingGrounds.isBlank())) {
            return Optional.of("Name the compelling legitimate grounds: the requester is told them");
        }
        return Optional.empty();
    }

    /** Records the officer's decision; refused with {@link IllegalArgumentException} as {@link #refusalOf} says. */
    @Transactional
    public void decide(String requestId, Decision decision, String compellingGrounds, String officer) {
        refusalOf(decision, compellingGrounds).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        objections.decide(requestId, decision,
                decision == Decision.CONTINUE_PROCESSING ? compellingGrounds.strip() : null, officer, clock.instant());
        events.record(requestId, "OBJECTION_WEIGHED", "decision=" + decision);
    }

    /** After compelling legitimate grounds were found: the outcome for the reviewer and the response. */
    @Transactional
    public String processingContinues(String requestId) {
        String note = "Objection weighed: compelling legitimate grounds override it; the processing continues"
                + " (GDPR Art 21(1)). The response names the grounds and the requester's rights.";
        outcomes.record(requestId, note);
        return note;
    }
}
