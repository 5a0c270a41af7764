package org.harmony.dsar.deadline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Records in the request's audit trail that an extension was asked for and refused, and why. */
@Component
class RecordExtensionRefusedDelegate implements JavaDelegate {

    private final DeadlineExtensions extensions;

    RecordExtensionRefusedDelegate(DeadlineExtensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        extensions.recordRefusal(DsarVariables.REQUEST_ID.from(execution),
                DeadlineExtensionVariables.EXTENSION_REFUSAL.from(execution),
                DeadlineExtensionVariables.EXTENSION_REQUESTED_BY.fromOrNull(execution));
    }
}
