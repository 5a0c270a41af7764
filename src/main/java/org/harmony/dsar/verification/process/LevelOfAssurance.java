package org.harmony.dsar.verification.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.verification.IdentityAssurance;

/** Reads the level of assurance the VerificationLevel table gave (business rule task's outputs). */
final class LevelOfAssurance {

    private LevelOfAssurance() {
    }

    /** Instances started before the table had the fallback column have no variable: no fallback. */
    private static int categoriesFallback(VariableScope scope) {
        Integer points = DsarVariables.CATEGORIES_FALLBACK_DATA_POINTS.fromOrNull(scope);
        return points == null ? 0 : points;
    }

    static IdentityAssurance.Level from(VariableScope scope) {
        return new IdentityAssurance.Level(
                DsarVariables.REQUIRED_DATA_POINTS.from(scope),
                DsarVariables.DECLARATION_REQUIRED.from(scope),
                DsarVariables.EMAIL_CHECK_REQUIRED.from(scope),
                DsarVariables.MANUAL_REVIEW.from(scope),
                DsarVariables.SUBJECT_RELATIONSHIP.from(scope),
                categoriesFallback(scope));
    }
}
