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
                named(Triage.TriageDecision.class, text(values, MailIntakeVariables.TRIAGE_DECISION)),
                named(RequestType.class, text(values, MailIntakeVariables.REQUEST_TYPE)),
                Jurisdiction.fromCode(text(values, MailIntakeVariables.JURISDICTION)).orElse(null),
                text(values, MailIntakeVariables.LANGUAGE),
                text(values, MailIntakeVariables.REQUESTER_EMAIL),
                text(values, MailIntakeVariables.REQUESTER_NAME),
                text(values, MailIntakeVariables.TRIAGE_REASON),
                text(values, MailIntakeVariables.OPEN_REQUEST_REFERENCE));
    }
}
