package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.Objections;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Records that compelling legitimate grounds let the processing continue; sets fulfilmentNote. */
@Component
class RecordProcessingContinuesDelegate implements JavaDelegate {

    private final Objections objections;

    RecordProcessingContinuesDelegate(Objections objections) {
        this.objections = objections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.FULFILMENT_NOTE.on(execution,
                objections.processingContinues(DsarVariables.REQUEST_ID.from(execution)));
    }
}
