package org.harmony.dsar.fulfilment.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.harmony.dsar.fulfilment.RestrictionLifts;
import org.harmony.dsar.request.DsarRequest;
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
        variables.put("requestId", restriction.id());
        variables.put("requestReference", restriction.reference());
        variables.put("jurisdiction", restriction.jurisdiction().code());
        runtime.createMessageCorrelation(RestrictionLifts.START_MESSAGE)
                .processInstanceBusinessKey(restriction.reference()).setVariables(variables).correlateStartMessage();
    }
}
