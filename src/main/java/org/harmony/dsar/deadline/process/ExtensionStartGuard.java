package org.harmony.dsar.deadline.process;

import java.util.Optional;
import java.util.function.Function;

import org.harmony.dsar.deadline.DeadlineExtensions;
import org.harmony.dsar.kernel.process.ProcessStartGuard;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** Refuses, with a 400 and the reason, an extension asked for an unknown request or without a valid reason. */
@Component
class ExtensionStartGuard implements ProcessStartGuard {

    private final DeadlineExtensions extensions;

    ExtensionStartGuard(DeadlineExtensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public Optional<String> refusal(String processDefinitionKey, Function<String, Object> values) {
        if (!DeadlineExtensionVariables.PROCESS_KEY.equals(processDefinitionKey)) {
            return Optional.empty();
        }
        return extensions.refusal(text(DsarVariables.REQUEST_REFERENCE.submittedIn(values)),
                text(DeadlineExtensionVariables.EXTENSION_REASON.submittedIn(values)),
                text(DeadlineExtensionVariables.EXTENSION_EXPLANATION.submittedIn(values)));
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
