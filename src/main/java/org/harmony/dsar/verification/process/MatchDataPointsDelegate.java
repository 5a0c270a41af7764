package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/** Scores the evidence against the level of assurance; only the count and the decision become variables. */
@Component
class MatchDataPointsDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    MatchDataPointsDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IdentityAssurance.Assessment assessment = assurance.assess(DsarVariables.REQUEST_ID.from(execution),
                LevelOfAssurance.from(execution));
        DsarVariables.DATA_POINTS_MATCHED.on(execution, assessment.dataPointsMatched());
        DsarVariables.ASSURANCE_MET.on(execution, assessment.met());
    }
}
