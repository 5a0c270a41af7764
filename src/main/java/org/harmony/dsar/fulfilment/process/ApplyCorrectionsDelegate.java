package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.Rectifications;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Applies the approved corrections; sets fulfilmentNote with what was corrected. */
@Component
class ApplyCorrectionsDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    ApplyCorrectionsDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.FULFILMENT_NOTE.on(execution, rectifications.apply(DsarVariables.REQUEST_ID.from(execution)));
    }
}
