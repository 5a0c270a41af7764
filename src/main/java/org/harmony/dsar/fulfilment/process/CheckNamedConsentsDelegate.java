package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.request.RequestConsents;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Sets consentsNamed: how many consents the withdrawal names. */
@Component
class CheckNamedConsentsDelegate implements JavaDelegate {

    private final RequestConsents consents;

    CheckNamedConsentsDelegate(RequestConsents consents) {
        this.consents = consents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RightsVariables.CONSENTS_NAMED.on(execution, consents.named(DsarVariables.REQUEST_ID.from(execution)).size());
    }
}
