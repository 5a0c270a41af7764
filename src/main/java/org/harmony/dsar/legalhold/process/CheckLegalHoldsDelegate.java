package org.harmony.dsar.legalhold.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.intake.process.DsarVariables;
import org.harmony.dsar.legalhold.LegalHoldCheckService;
import org.springframework.stereotype.Component;

@Component
class CheckLegalHoldsDelegate implements JavaDelegate {

    private final LegalHoldCheckService legalHolds;

    CheckLegalHoldsDelegate(LegalHoldCheckService legalHolds) {
        this.legalHolds = legalHolds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean active = legalHolds.check(DsarVariables.REQUEST_ID.from(execution));
        DsarVariables.LEGAL_HOLD_ACTIVE.on(execution, active);
    }
}
