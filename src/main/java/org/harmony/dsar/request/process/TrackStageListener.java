package org.harmony.dsar.request.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.harmony.dsar.kernel.process.ElementProperties;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequestStages;
import org.springframework.stereotype.Component;

/**
 * Moves the request to the stage named by the element's {@code dsarStage} extension property, so a process
 * designer decides in Modeler where each stage begins.
 */
@Component
class TrackStageListener implements ExecutionListener {

    private final RequestStages stages;

    TrackStageListener(RequestStages stages) {
        this.stages = stages;
    }

    @Override
    public void notify(DelegateExecution execution) {
        BaseElement element = (BaseElement) execution.getBpmnModelElementInstance();
        String stage = ElementProperties.value(element, DsarVariables.STAGE_PROPERTY).orElse(null);
        if (stage == null) {
            throw new IllegalStateException("Element " + element.getId() + " has the stage listener but no "
                    + DsarVariables.STAGE_PROPERTY + " property");
        }
        stages.enter(DsarVariables.REQUEST_ID.from(execution), RequestStage.valueOf(stage));
    }
}
