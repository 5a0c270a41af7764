package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.Suppressions;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Registers the suppression and updates flag and consent fields; sets fulfilmentNote with what changed. */
@Component
class ApplySuppressionDelegate implements JavaDelegate {

    private final Suppressions suppressions;

    ApplySuppressionDelegate(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.FULFILMENT_NOTE.on(execution, suppressions.apply(DsarVariables.REQUEST_ID.from(execution)));
    }
}
