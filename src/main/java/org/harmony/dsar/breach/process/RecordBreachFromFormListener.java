package org.harmony.dsar.breach.process;

import java.time.Clock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.harmony.dsar.breach.Breach;
import org.harmony.dsar.breach.BreachRecords;
import org.springframework.stereotype.Component;

/**
 * When BreachNotificationProcess starts from the DPO's Tasklist start form: records the breach the form describes,
 * replaces the form's values by the breach's references and deadlines, and makes its reference the business key. A
 * start through {@code POST /api/breaches} comes with the breach recorded and passes unchanged.
 */
@Component
class RecordBreachFromFormListener implements ExecutionListener {

    private final BreachRecords records;
    private final BreachProcessStart start;
    private final BreachStartForm form;
    private final IdentityService identity;
    private final Clock clock;

    RecordBreachFromFormListener(BreachRecords records, BreachProcessStart start, BreachStartForm form,
            IdentityService identity, Clock clock) {
        this.records = records;
        this.start = start;
        this.form = form;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (BreachVariables.BREACH_ID.fromOrNull(execution) != null) {
            return;
        }
        Authentication user = identity.getCurrentAuthentication();
        Breach breach = records.record(form.read(execution::getVariable, clock.instant()),
                user == null ? null : user.getUserId());
        BreachVariables.START_FORM_FIELDS.forEach(field -> field.removeFrom(execution));
        execution.setVariables(start.variables(breach));
        execution.setProcessBusinessKey(breach.reference());
    }
}
