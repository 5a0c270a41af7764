package org.harmony.dsar.deadline.process;

import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * Finds the open request an extension is asked for and the facts the DeadlineExtension table decides on. Runs in
 * the officer's own transaction: an unknown reference or an invalid reason refuses the start with a message, and
 * no process is left behind.
 */
@Component
class CheckExtensionRequestDelegate implements JavaDelegate {

    private final DeadlineExtensions extensions;

    CheckExtensionRequestDelegate(DeadlineExtensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = DeadlineExtensionVariables.EXTENSION_REASON.fromOrNull(execution);
        String explanation = DeadlineExtensionVariables.EXTENSION_EXPLANATION.fromOrNull(execution);
        String reference = DsarVariables.REQUEST_REFERENCE.fromOrNull(execution);
        extensions.refusal(reference, reason, explanation).ifPresent(refusal -> {
            throw new BadUserRequestException(refusal);
        });
        DeadlineExtensions.ExtensionCase extensionCase = extensions.caseOf(reference.strip());
        DsarVariables.REQUEST_REFERENCE.on(execution, reference.strip());
        DsarVariables.REQUEST_ID.on(execution, extensionCase.requestId());
        DsarVariables.JURISDICTION.on(execution, extensionCase.jurisdiction());
        DsarVariables.REQUEST_TYPE.on(execution, extensionCase.requestType());
        DsarVariables.DUE_AT.on(execution, Date.from(extensionCase.dueAt()));
        DeadlineExtensionVariables.EXTENSIONS_GRANTED.on(execution, extensionCase.extensionsGranted());
        DeadlineExtensionVariables.BEFORE_ORIGINAL_DEADLINE.on(execution, extensionCase.beforeOriginalDeadline());
    }
}
