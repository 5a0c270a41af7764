package org.harmony.dsar.retention.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.retention.RequestRetention;
import org.springframework.stereotype.Component;

/**
 * When a request's process ends, by any end event or cancelled by an operator, the copies of the subject's data it
 * made are deleted ({@link RequestRetention#requestEnded}).
 */
@Component
class EndRequestListener implements ExecutionListener {

    private final RequestRetention retention;

    EndRequestListener(RequestRetention retention) {
        this.retention = retention;
    }

    @Override
    public void notify(DelegateExecution execution) {
        retention.requestEnded(DsarVariables.REQUEST_ID.from(execution));
    }
}
