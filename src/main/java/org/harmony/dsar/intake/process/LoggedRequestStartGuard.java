package org.harmony.dsar.intake.process;

import java.util.Optional;
import java.util.function.Function;

import org.harmony.dsar.intake.StaffIntake;
import org.harmony.dsar.kernel.process.ProcessStartGuard;
import org.springframework.stereotype.Component;

/**
 * Refuses, with a 400 and the reasons, a logged request with a date in the future, a late entry without a reason, or
 * no way to answer the requester; {@link RegisterLoggedRequestDelegate} enforces the same inside the engine.
 */
@Component
class LoggedRequestStartGuard implements ProcessStartGuard {

    private final StaffIntake intake;

    LoggedRequestStartGuard(StaffIntake intake) {
        this.intake = intake;
    }

    @Override
    public Optional<String> refusal(String processDefinitionKey, Function<String, Object> values) {
        if (!LoggedRequestVariables.PROCESS_KEY.equals(processDefinitionKey)) {
            return Optional.empty();
        }
        return intake.refusal(LoggedRequestForm.from(values));
    }
}
