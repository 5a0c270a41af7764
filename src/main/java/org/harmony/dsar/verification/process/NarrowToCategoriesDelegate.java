package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;
import org.springframework.stereotype.Component;

/** Answers a request whose identity could not be verified for specific pieces with categories of data only. */
@Component
class NarrowToCategoriesDelegate implements JavaDelegate {

    private final IdentityAssurance assurance;

    NarrowToCategoriesDelegate(IdentityAssurance assurance) {
        this.assurance = assurance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assurance.narrowToCategories(DsarVariables.REQUEST_ID.from(execution),
                DsarVariables.DATA_POINTS_MATCHED.from(execution));
    }
}
