package org.harmony.dsar.response.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.harmony.dsar.inbox.MailTriage;
import org.harmony.dsar.request.RepeatedRequests;
import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.response.CaseSummaries;
import org.harmony.dsar.response.PortabilityTransmissions;
import org.springframework.stereotype.Component;

/**
 * When the review task is created, puts what the reviewer needs beside the process variables into task-local
 * variables its form shows: verification outcome, what was kept back and why, time left, open requests of the same person for the same right,
 * the other controller's address when the requester asked for their data to be sent there.
 */
@Component
class DescribeCaseListener implements TaskListener {

    private final CaseSummaries summaries;
    private final MailTriage triage;
    private final RepeatedRequests repeats;
    private final PortabilityTransmissions transmissions;

    DescribeCaseListener(CaseSummaries summaries, MailTriage triage, RepeatedRequests repeats,
            PortabilityTransmissions transmissions) {
        this.transmissions = transmissions;
        this.repeats = repeats;
        this.triage = triage;
        this.summaries = summaries;
    }

    @Override
    public void notify(DelegateTask task) {
        CaseSummaries.CaseSummary summary = summaries.describe(DsarVariables.REQUEST_ID.from(task),
                Boolean.TRUE.equals(DsarVariables.LEGAL_HOLD_ACTIVE.fromOrNull(task)));
        DsarVariables.CASE_VERIFICATION.onLocal(task, summary.verification());
        DsarVariables.CASE_IDENTIFIERS.onLocal(task, summary.identifiers());
        DsarVariables.CASE_KEPT_BACK.onLocal(task, summary.keptBack());
        DsarVariables.CASE_TIME_LEFT.onLocal(task, summary.timeLeft());
        DsarVariables.LINKED_REQUESTS.onLocal(task, repeats.describeLinks(DsarVariables.REQUEST_ID.from(task)));
        DsarVariables.TRANSMISSION_DESTINATION.onLocal(task,
                transmissions.destination(DsarVariables.REQUEST_ID.from(task)).orElse(""));
        DsarVariables.REQUESTER_MESSAGES.onLocal(task, triage.repliesTo(DsarVariables.REQUEST_ID.from(task)));
    }
}
