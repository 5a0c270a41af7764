package org.harmony.dsar.fulfilment.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.fulfilment.Rectifications;
import org.harmony.dsar.kernel.Masking;
import org.harmony.dsar.kernel.process.FormJson;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/** When "Review corrections" is created: the corrections for the form's table, values masked, task-local. */
@Component
class PrepareCorrectionsReviewListener implements TaskListener {

    private final Rectifications rectifications;

    PrepareCorrectionsReviewListener(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void notify(DelegateTask task) {
        DsarVariables.CORRECTIONS_OVERVIEW.onLocalTyped(task, FormJson.of(
                rectifications.corrections(DsarVariables.REQUEST_ID.from(task)).stream().map(correction -> Map.of(
                        "source", correction.sourceName(),
                        "field", correction.fieldName(),
                        "current", Masking.mask(correction.currentValue()),
                        "requested", Masking.mask(correction.requestedValue()))).toList()));
    }
}
