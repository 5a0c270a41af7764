package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/** Sets who makes the request (for the VerificationLevel table) and how long the process waits for the requester. */
@Component
class PrepareVerificationDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    PrepareVerificationDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IdentityAssurance.Preparation preparation = assurance.prepare(DsarVariables.REQUEST_ID.from(execution));
        DsarVariables.SUBJECT_RELATIONSHIP.on(execution, preparation.relationship());
        DsarVariables.VERIFICATION_PERIOD.on(execution, preparation.verificationPeriod());
    }
}
