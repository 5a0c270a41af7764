package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.intake.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/**
 * Records how verification ended (the task's {@code recordedOutcome} input) for audit, and returns it to the
 * calling process as {@code verificationOutcome} and {@code identityVerified}.
 */
@Component
class RecordVerificationOutcomeDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    RecordVerificationOutcomeDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IdentityAssurance.Outcome outcome =
                IdentityAssurance.Outcome.valueOf(DsarVariables.RECORDED_OUTCOME.from(execution));
        String decision = DsarVariables.IDENTITY_REVIEW_DECISION.fromOrNull(execution);
        Integer matched = DsarVariables.DATA_POINTS_MATCHED.fromOrNull(execution);
        String detail = "activity=" + execution.getCurrentActivityId()
                + (matched == null ? "" : " dataPointsMatched=" + matched)
                + (decision == null ? " lastReview=none" : " lastReview=" + decision);
        assurance.recordOutcome(DsarVariables.REQUEST_ID.from(execution), outcome, detail);
        DsarVariables.VERIFICATION_OUTCOME.on(execution, outcome.name());
        DsarVariables.IDENTITY_VERIFIED.on(execution, outcome == IdentityAssurance.Outcome.VERIFIED);
    }
}
