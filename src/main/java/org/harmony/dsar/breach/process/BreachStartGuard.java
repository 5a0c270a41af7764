package org.harmony.dsar.breach.process;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.harmony.dsar.kernel.process.ProcessStartGuard;
import org.springframework.stereotype.Component;

/** Refuses, with a 400 and the reasons Tasklist shows, a breach start form that does not describe a breach fully. */
@Component
class BreachStartGuard implements ProcessStartGuard {

    private final BreachStartForm form;
    private final Clock clock;

    BreachStartGuard(BreachStartForm form, Clock clock) {
        this.form = form;
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(String processDefinitionKey, Function<String, Object> values) {
        if (!BreachVariables.PROCESS_KEY.equals(processDefinitionKey)) {
            return Optional.empty();
        }
        return form.refusal(values, clock.instant());
    }
}
