package org.harmony.dsar.operations.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The incidents open in the engine (a job out of retries, a failed external task), for the operations gauge. */
@Component
public class OpenIncidents {

    private final RuntimeService runtime;

    OpenIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public long count() {
        return runtime.createIncidentQuery().count();
    }
}
