package org.harmony.dsar.appeal.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Starts AppealProcess for a filed appeal. */
@Component
public class AppealProcesses {

    private final RuntimeService runtime;

    AppealProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(DsarRequest request) {
        Map<String, Object> variables = new HashMap<>();
        DsarVariables.REQUEST_ID.into(variables, request.id());
        DsarVariables.REQUEST_REFERENCE.into(variables, request.reference());
        DsarVariables.REQUEST_TYPE.into(variables, request.type());
        DsarVariables.JURISDICTION.into(variables, request.jurisdiction().code());
        runtime.startProcessInstanceByMessage(AppealVariables.MESSAGE_APPEAL_RECEIVED, request.reference(),
                variables);
    }
}
