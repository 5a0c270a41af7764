package org.harmony.dsar.fulfilment.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.fulfilment.Suppressions;
import org.harmony.dsar.kernel.process.FormJson;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** When "Choose consents to withdraw" is created: the consents found for the subject, as the checklist's options. */
@Component
class PrepareConsentChoicesListener implements TaskListener {

    private final Suppressions suppressions;

    PrepareConsentChoicesListener(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Override
    public void notify(DelegateTask task) {
        RightsVariables.CONSENT_CHOICES.onLocalTyped(task, FormJson.of(
                suppressions.consentsFound(DsarVariables.REQUEST_ID.from(task)).stream()
                        .map(consent -> Map.of("value", consent.name(), "label", consent.title() + " ("
                                + consent.purpose() + "): " + (consent.records() < 0 ? "held by a processor"
                                : consent.records() + (consent.records() == 1 ? " record" : " records"))))
                        .toList()));
    }
}
