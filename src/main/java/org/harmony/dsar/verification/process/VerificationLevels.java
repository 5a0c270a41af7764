package org.harmony.dsar.verification.process;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.SubjectRelationship;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

/**
 * The level of assurance the VerificationLevel table gives a request, outside the verification process: the
 * acknowledgement tells the requester what verification comes next before that process starts. The table's inputs
 * and outputs are the verification process's variables.
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
        VariableMap inputs = Variables.createVariables();
        DsarVariables.JURISDICTION.into(inputs, request.jurisdiction().code());
        DsarVariables.REQUEST_TYPE.into(inputs, request.type());
        DsarVariables.SUBJECT_RELATIONSHIP.into(inputs, SubjectRelationship.of(request.agent()));
        DmnDecisionResultEntries level = decisions.evaluateDecisionByKey(DECISION).variables(inputs)
                .evaluate().getSingleResult();
        return Boolean.TRUE.equals(level.get(DsarVariables.EMAIL_CHECK_REQUIRED.name()));
    }
}
