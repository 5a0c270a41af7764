package org.harmony.dsar.legalhold.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.legalhold.LegalHoldCheckService;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Runs the legal-hold and retention check; sets the counts the decision table LegalHoldOutcome reads. */
@Component
class CheckLegalHoldsDelegate implements JavaDelegate {

    private final LegalHoldCheckService legalHolds;

    CheckLegalHoldsDelegate(LegalHoldCheckService legalHolds) {
        this.legalHolds = legalHolds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalHoldCheckService.CheckResult result = legalHolds.check(DsarVariables.REQUEST_ID.from(execution));
        LegalHoldVariables.HOLDS_FOUND.on(execution, result.holdsFound());
        LegalHoldVariables.SUBJECT_HOLDS.on(execution, result.subjectHolds());
        LegalHoldVariables.RETENTION_KEEPS.on(execution, result.retentionKeeps());
        LegalHoldVariables.EVERYTHING_KEPT.on(execution, result.everythingKept());
        DsarVariables.LEGAL_HOLD_ACTIVE.on(execution, result.holdsFound() > 0);
    }
}
