package org.harmony.dsar.verification.process;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.SubjectRelationship;
import org.springframework.stereotype.Component;

/**
 * The level of assurance the VerificationLevel table gives a request, outside the verification process: the
 * acknowledgement tells the requester what verification comes next before that process starts.
 */
@Component
class VerificationLevels {

    static final String DECISION = "VerificationLevel";

    private final DecisionService decisions;

    VerificationLevels(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Whether the requester will be sent a code to confirm their email address. */
    boolean emailCheckRequired(DsarRequest request) {
        DmnDecisionResultEntries level = decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("jurisdiction", request.jurisdiction().code())
                        .putValue("requestType", request.type().name())
                        .putValue("subjectRelationship", SubjectRelationship.of(request.agent()).name()))
                .evaluate().getSingleResult();
        return Boolean.TRUE.equals(level.get("emailCheckRequired"));
    }
}
