package org.harmony.dsar.response.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.request.ReviewDecision;
import org.harmony.dsar.request.TransmissionDecision;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.response.PortabilityTransmissions;
import org.harmony.dsar.response.ReviewFees;
import org.harmony.dsar.response.ReviewRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On completion of the review: refuses a decision the review rules do not allow (a denial without a reason, an
 * approval by the person who prepared the case, an approval
 * that leaves a requested transmission to another controller undecided) with a message naming the rule; the task stays open. Records the
 * decision in the audit trail otherwise. A denial or send-back deletes the package the officer did not approve.
 */
@Component
class CheckReviewDecisionListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckReviewDecisionListener.class);

    private final ReviewRules rules;
    private final AccessPackages packages;
    private final ReviewFees fees;
    private final PortabilityTransmissions transmissions;

    CheckReviewDecisionListener(ReviewRules rules, AccessPackages packages, ReviewFees fees,
            PortabilityTransmissions transmissions) {
        this.transmissions = transmissions;
        this.fees = fees;
        this.rules = rules;
        this.packages = packages;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestId = DsarVariables.REQUEST_ID.from(task);
        ReviewDecision decision = DsarVariables.REVIEW_DECISION.fromOrNull(task);
        String denialReason = DsarVariables.DENIAL_REASON.fromOrNull(task);
        String feeAmount = DsarVariables.FEE_AMOUNT.fromOrNull(task);
        String feeReason = DsarVariables.FEE_REASON.fromOrNull(task);
        TransmissionDecision transmission = DsarVariables.TRANSMISSION_DECISION.fromOrNull(task);
        String reviewer = TaskActors.completedBy(task);
        try {
            rules.check(requestId, decision, denialReason, reviewer);
            fees.refusal(decision, feeAmount, feeReason)
                    .or(() -> transmissions.refusal(requestId, decision, transmission)).ifPresent(refusal -> {
                        throw new ReviewRules.ReviewRefusedException(refusal);
                    });
        } catch (ReviewRules.ReviewRefusedException e) {
            log.info("Review of request {} refused: {}", DsarVariables.REQUEST_REFERENCE.fromOrNull(task),
                    e.getMessage());
            throw new BadUserRequestException(e.getMessage());
        }
        rules.recordDecision(requestId, decision, decision == ReviewDecision.DENY ? denialReason : null, reviewer);
        if (feeAmount != null && !feeAmount.isBlank()) {
            fees.note(requestId, feeAmount, feeReason, reviewer);
        }
        transmissions.decide(requestId, decision, transmission, reviewer);
        if (decision != ReviewDecision.APPROVE) {
            packages.discardUnreleased(requestId, decision.name());
        }
    }
}
