package org.harmony.dsar.inbox.process;

import static org.harmony.dsar.kernel.process.SubmittedValues.named;
import static org.harmony.dsar.kernel.process.SubmittedValues.text;

import java.util.function.Function;

import org.harmony.dsar.inbox.Triage;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;

/** The officer's triage as submitted with the task's variables; values that are no known name count as missing. */
final class TriageSubmission {

    static final String TRIAGE_TASK = "UserTask_TriageIncomingRequest";

    private TriageSubmission() {
    }

    static Triage from(Function<String, Object> values) {
        return new Triage(
                named(Triage.TriageDecision.class, text(values, MailIntakeVariables.TRIAGE_DECISION.name())),
                named(RequestType.class, text(values, MailIntakeVariables.REQUEST_TYPE.name())),
                Jurisdiction.fromCode(text(values, MailIntakeVariables.JURISDICTION.name())).orElse(null),
                text(values, MailIntakeVariables.LANGUAGE.name()),
                text(values, MailIntakeVariables.REQUESTER_EMAIL.name()),
                text(values, MailIntakeVariables.REQUESTER_NAME.name()),
                text(values, MailIntakeVariables.TRIAGE_REASON.name()),
                text(values, MailIntakeVariables.OPEN_REQUEST_REFERENCE.name()));
    }
}
