package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.Objections;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Sets objectsTo: what the objection is to, for the decision table ObjectionRoute. */
@Component
class ReadObjectionDelegate implements JavaDelegate {

    private final Objections objections;

    ReadObjectionDelegate(Objections objections) {
        this.objections = objections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RightsVariables.OBJECTS_TO.on(execution, objections.objectsTo(DsarVariables.REQUEST_ID.from(execution)));
    }
}
