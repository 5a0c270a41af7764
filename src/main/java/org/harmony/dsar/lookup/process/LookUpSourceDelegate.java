package org.harmony.dsar.lookup.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Looks the subject up in one source (one instance of the multi-instance lookup per catalogue source). */
@Component
class LookUpSourceDelegate implements JavaDelegate {

    private final SubjectDataLookup lookup;

    LookUpSourceDelegate(SubjectDataLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lookup.lookUp(DsarVariables.REQUEST_ID.from(execution), DsarVariables.SOURCE_NAME.from(execution));
    }
}
