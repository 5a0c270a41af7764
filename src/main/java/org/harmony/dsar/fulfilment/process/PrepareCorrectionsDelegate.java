package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.Rectifications;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Lists the requested corrections next to the current values; sets correctionCount. */
@Component
class PrepareCorrectionsDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    PrepareCorrectionsDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.CORRECTION_COUNT.on(execution, rectifications.prepare(DsarVariables.REQUEST_ID.from(execution)));
    }
}
