package org.harmony.dsar.intake.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.harmony.dsar.request.Channel;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Starts a request's DsarProcess with its references, type, jurisdiction and channel. */
@Component
public class DsarProcessStart {

    private final RuntimeService runtime;

    DsarProcessStart(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return the id of the process instance started */
    public String start(DsarRequest request, Channel channel) {
        Map<String, Object> variables = new HashMap<>();
        DsarVariables.REQUEST_ID.into(variables, request.id());
        DsarVariables.REQUEST_REFERENCE.into(variables, request.reference());
        DsarVariables.REQUEST_TYPE.into(variables, request.type());
        DsarVariables.JURISDICTION.into(variables, request.jurisdiction().code());
        DsarVariables.CHANNEL.into(variables, channel);
        DsarVariables.REQUESTER_EMAIL_GIVEN.into(variables, request.email() != null);
        return runtime.startProcessInstanceByKey(DsarVariables.PROCESS_KEY, request.reference(), variables).getId();
    }
}
