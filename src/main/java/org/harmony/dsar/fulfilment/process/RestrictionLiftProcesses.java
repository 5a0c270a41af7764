package org.harmony.dsar.fulfilment.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Starts RestrictionLiftProcess for a restriction, with its reference as business key. */
@Component
public class RestrictionLiftProcesses {

    private final RuntimeService runtime;

    RestrictionLiftProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(DsarRequest restriction) {
        Map<String, Object> variables = new HashMap<>();
        DsarVariables.REQUEST_ID.into(variables, restriction.id());
        DsarVariables.REQUEST_REFERENCE.into(variables, restriction.reference());
        DsarVariables.JURISDICTION.into(variables, restriction.jurisdiction().code());
        runtime.createMessageCorrelation(RestrictionLifts.START_MESSAGE)
                .processInstanceBusinessKey(restriction.reference()).setVariables(variables).correlateStartMessage();
    }
}
