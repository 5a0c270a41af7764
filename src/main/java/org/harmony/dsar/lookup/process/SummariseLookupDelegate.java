package org.harmony.dsar.lookup.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Sets lookupSummary: counts and timing per source, no personal data. */
@Component
class SummariseLookupDelegate implements JavaDelegate {

    private final SubjectDataLookup lookup;

    SummariseLookupDelegate(SubjectDataLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.LOOKUP_SUMMARY.on(execution, lookup.summarise(DsarVariables.REQUEST_ID.from(execution)));
    }
}
