package org.harmony.dsar.response.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.harmony.dsar.kernel.process.ElementProperties;
import org.harmony.dsar.kernel.process.TaskActors;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.response.ReviewRules;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records who completed each user task of a request, in every process of the case, for the audit trail and the
 * four-eyes rule. Receives every task event through the engine's Spring eventing ({@code camunda.bpm.eventing.task}),
 * so no model needs a listener for it. Tasks marked {@code dsarApproval=true} (the review) approve, not prepare,
 * and are left out.
 */
@Component
class RecordTaskCompletionListener {

    static final String APPROVAL_PROPERTY = "dsarApproval";

    private final ReviewRules rules;

    RecordTaskCompletionListener(ReviewRules rules) {
        this.rules = rules;
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void onComplete(DelegateTask task) {
        if (task.getExecution() == null || isApproval(task)) {
            return;
        }
        String requestId = DsarVariables.REQUEST_ID.fromOrNull(task);
        String completedBy = TaskActors.completedBy(task);
        if (requestId != null && completedBy != null) {
            rules.recordTaskCompleted(requestId, task.getTaskDefinitionKey(), completedBy);
        }
    }

    private static boolean isApproval(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        return ElementProperties.isTrue(element, APPROVAL_PROPERTY);
    }
}
