package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.IdentityReviewDecision;
import org.harmony.dsar.request.VerificationOutcome;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.harmony.dsar.verification.TrustedIdentifiers;
import org.springframework.stereotype.Component;

/**
 * Records how verification ended (the task's {@code recordedOutcome} input) for audit, and returns it to the
 * calling process as {@code verificationOutcome} and {@code identityVerified}. A verified identity also fixes the
 * identifiers that may find and change the subject's records ({@link TrustedIdentifiers}).
 */
@Component
class RecordVerificationOutcomeDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;
    private final TrustedIdentifiers identifiers;

    RecordVerificationOutcomeDelegate(IdentityAssurance assurance, TrustedIdentifiers identifiers) {
        this.assurance = assurance;
        this.identifiers = identifiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VerificationOutcome outcome = DsarVariables.RECORDED_OUTCOME.from(execution);
        IdentityReviewDecision decision = DsarVariables.IDENTITY_REVIEW_DECISION.fromOrNull(execution);
        Integer matched = DsarVariables.DATA_POINTS_MATCHED.fromOrNull(execution);
        String detail = "activity=" + execution.getCurrentActivityId()
                + (matched == null ? "" : " dataPointsMatched=" + matched)
                + (decision == null ? " lastReview=none" : " lastReview=" + decision);
        String requestId = DsarVariables.REQUEST_ID.from(execution);
        if (outcome == VerificationOutcome.VERIFIED) {
            TrustedIdentifiers.OfficerReview review = decision == IdentityReviewDecision.VERIFIED
                    ? new TrustedIdentifiers.OfficerReview(
                            DsarVariables.IDENTITY_REVIEWED_BY.fromOrNull(execution),
                            TrustedIdentifiers.parseNames(DsarVariables.CONFIRMED_IDENTIFIERS.fromOrNull(execution)))
                    : null;
            identifiers.recordFor(requestId, DsarVariables.EMAIL_CHECK_REQUIRED.from(execution), review);
        }
        assurance.recordOutcome(requestId, outcome, detail);
        DsarVariables.VERIFICATION_OUTCOME.on(execution, outcome);
        DsarVariables.IDENTITY_VERIFIED.on(execution, outcome == VerificationOutcome.VERIFIED);
    }
}
