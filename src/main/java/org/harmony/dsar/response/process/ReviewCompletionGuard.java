package org.harmony.dsar.response.process;

import static org.harmony.dsar.kernel.process.SubmittedValues.named;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.harmony.dsar.kernel.process.ElementProperties;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.harmony.dsar.request.ReviewDecision;
import org.harmony.dsar.request.TransmissionDecision;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.response.PortabilityTransmissions;
import org.harmony.dsar.response.ReviewFees;
import org.harmony.dsar.response.ReviewRules;
import org.springframework.stereotype.Component;

/**
 * The review rules (a denial names its reason, four eyes) checked before an HTTP completion of an approval task
 * reaches the engine, so that the caller gets a 400 with the reason. {@link CheckReviewDecisionListener} enforces
 * the same rules inside the engine.
 */
@Component
class ReviewCompletionGuard implements TaskCompletionGuard {

    private final ReviewRules rules;
    private final RepositoryService repository;
    private final ReviewFees fees;
    private final PortabilityTransmissions transmissions;

    ReviewCompletionGuard(ReviewRules rules, RepositoryService repository, ReviewFees fees,
            PortabilityTransmissions transmissions) {
        this.transmissions = transmissions;
        this.fees = fees;
        this.rules = rules;
        this.repository = repository;
    }

    @Override
    public Optional<String> refusal(Task task, Function<String, Object> values, String userId) {
        if (!isApproval(task) || !(DsarVariables.REQUEST_ID.submittedIn(values) instanceof String requestId)) {
            return Optional.empty();
        }
        String reviewer = userId != null ? userId : task.getAssignee();
        try {
            ReviewDecision decision =
                    named(ReviewDecision.class, text(DsarVariables.REVIEW_DECISION.submittedIn(values)));
            rules.check(requestId, decision, text(DsarVariables.DENIAL_REASON.submittedIn(values)), reviewer);
            return fees.refusal(decision, text(DsarVariables.FEE_AMOUNT.submittedIn(values)),
                    text(DsarVariables.FEE_REASON.submittedIn(values)))
                    .or(() -> transmissions.refusal(requestId, decision,
                            named(TransmissionDecision.class,
                                    text(DsarVariables.TRANSMISSION_DECISION.submittedIn(values)))));
        } catch (ReviewRules.ReviewRefusedException e) {
            return Optional.of(e.getMessage());
        }
    }

    private boolean isApproval(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return false;
        }
        UserTask element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return ElementProperties.isTrue(element, RecordTaskCompletionListener.APPROVAL_PROPERTY);
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
