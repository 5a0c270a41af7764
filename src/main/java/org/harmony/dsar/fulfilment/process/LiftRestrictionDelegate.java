package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Lifts the restriction in the sources (the catalogue's lift values) and records the evidence. */
@Component
class LiftRestrictionDelegate implements JavaDelegate {

    private final RestrictionLifts lifts;

    LiftRestrictionDelegate(RestrictionLifts lifts) {
        this.lifts = lifts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifts.lift(DsarVariables.REQUEST_ID.from(execution));
    }
}
