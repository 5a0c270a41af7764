package org.harmony.dsar.request.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The messages a request's DsarProcess waits for, correlated by the request's id. */
@Component
public class DsarMessages {

    private final RuntimeService runtime;

    DsarMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return how many waiting processes were informed */
    public int identityInformationReceived(String requestId) {
        return runtime.createMessageCorrelation(DsarVariables.MESSAGE_IDENTITY_INFORMATION_RECEIVED)
                .processInstanceVariableEquals(DsarVariables.REQUEST_ID.name(), requestId)
                .correlateAllWithResult().size();
    }

    public boolean awaitsEmailVerification(String requestId) {
        return runtime.createExecutionQuery()
                .messageEventSubscriptionName(DsarVariables.MESSAGE_EMAIL_VERIFIED)
                .processVariableValueEquals(DsarVariables.REQUEST_ID.name(), requestId)
                .count() > 0;
    }

    public void emailVerified(String requestId) {
        runtime.createMessageCorrelation(DsarVariables.MESSAGE_EMAIL_VERIFIED)
                .processInstanceVariableEquals(DsarVariables.REQUEST_ID.name(), requestId)
                .correlateWithResult();
    }

    /** @return how many waiting processes were asked for a new code */
    public int verificationCodeRequested(String requestId) {
        return runtime.createMessageCorrelation(DsarVariables.MESSAGE_VERIFICATION_CODE_REQUESTED)
                .processInstanceVariableEquals(DsarVariables.REQUEST_ID.name(), requestId)
                .correlateAllWithResult().size();
    }
}
