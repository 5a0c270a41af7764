package org.harmony.dsar.lookup.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.intake.process.DsarVariables;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.springframework.stereotype.Component;

/** Looks the subject up in every data source; the process keeps only the counts, for the reviewer. */
@Component
class LookUpSubjectDataDelegate implements JavaDelegate {

    private final SubjectDataLookup lookup;

    LookUpSubjectDataDelegate(SubjectDataLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.LOOKUP_SUMMARY.on(execution, lookup.lookUp(DsarVariables.REQUEST_ID.from(execution)));
    }
}
