package org.harmony.dsar.deadline.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Grants the extension and moves the case's due date: its variables, open tasks and deadline timers. */
@Component
class ExtendDeadlineDelegate implements JavaDelegate {

    private final DeadlineExtensions extensions;
    private final CaseDueDates caseDueDates;

    ExtendDeadlineDelegate(DeadlineExtensions extensions, CaseDueDates caseDueDates) {
        this.extensions = extensions;
        this.caseDueDates = caseDueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date previousDueAt = DsarVariables.DUE_AT.from(execution);
        Date newDueAt = Date.from(extensions.extend(DsarVariables.REQUEST_ID.from(execution),
                DeadlineExtensionVariables.EXTENSION_PERIOD.from(execution),
                DeadlineExtensionVariables.EXTENSION_REASON.from(execution),
                DeadlineExtensionVariables.EXTENSION_EXPLANATION.from(execution),
                DeadlineExtensionVariables.EXTENSION_REQUESTED_BY.fromOrNull(execution)));
        DsarVariables.DUE_AT.on(execution, newDueAt);
        caseDueDates.move(DsarVariables.REQUEST_REFERENCE.from(execution), previousDueAt, newDueAt);
    }
}
