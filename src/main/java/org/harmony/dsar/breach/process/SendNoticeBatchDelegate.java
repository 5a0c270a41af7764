package org.harmony.dsar.breach.process;

import java.lang.management.ManagementFactory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.breach.BreachNotices;
import org.springframework.stereotype.Component;

/**
 * One sender's job: claims and sends batches of notices for a bounded time, then says whether to go on
 * ({@code senderOutcome}, local to the sender). SMTP failures are not caught: the job retries, then an incident.
 */
@Component
class SendNoticeBatchDelegate implements JavaDelegate {

    /** This engine node: process id and host name, as the JVM names itself (claimed_by holds 100 characters). */
    static final String NODE = abbreviate(ManagementFactory.getRuntimeMXBean().getName());

    private final BreachNotices notices;

    SendNoticeBatchDelegate(BreachNotices notices) {
        this.notices = notices;
    }

    private static String abbreviate(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60);
    }

    @Override
    public void execute(DelegateExecution execution) {
        BreachNotices.SlotOutcome outcome = notices.sendBatches(BreachVariables.BREACH_ID.from(execution),
                NODE + "/" + execution.getId());
        BreachVariables.SENDER_OUTCOME.onLocal(execution, outcome);
    }
}
