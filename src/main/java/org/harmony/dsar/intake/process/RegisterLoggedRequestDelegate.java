package org.harmony.dsar.intake.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.intake.LoggedRequest;
import org.harmony.dsar.intake.StaffIntake;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * Registers the request logged in the start form and starts its DsarProcess; the form's personal fields are removed
 * from the variables in the same transaction.
 */
@Component
class RegisterLoggedRequestDelegate implements JavaDelegate {

    private final StaffIntake intake;

    RegisterLoggedRequestDelegate(StaffIntake intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoggedRequest logged = LoggedRequestForm.from(execution::getVariable);
        intake.refusal(logged).ifPresent(refusal -> {
            throw new BadUserRequestException(refusal);
        });
        LoggedRequestVariables.PERSONAL.forEach(variable -> variable.removeFrom(execution));
        DsarVariables.REQUEST_REFERENCE.on(execution, intake.register(logged).reference());
    }
}
