package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.SubjectErasure;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Erases the subject's data in every source; sets fulfilmentNote with what was erased and kept. */
@Component
class EraseSubjectDataDelegate implements JavaDelegate {

    private final SubjectErasure erasure;

    EraseSubjectDataDelegate(SubjectErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.FULFILMENT_NOTE.on(execution, erasure.erase(DsarVariables.REQUEST_ID.from(execution)));
    }
}
