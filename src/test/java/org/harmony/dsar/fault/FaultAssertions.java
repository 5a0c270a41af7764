package org.harmony.dsar.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What must hold after a fault: every request completed, nothing stuck, every mail delivered, none repeated but by a kill. */
final class FaultAssertions {

    private static final Logger log = LoggerFactory.getLogger(FaultAssertions.class);

    static final String COMPLETED = "SELECT COUNT(*) FROM dsar_request WHERE stage = 'COMPLETED'";

    private FaultAssertions() {
    }

    /** Drives the requests until all are completed or the time is up; returns how many completed. */
    static long driveUntilCompleted(FaultEnvironment environment, RequesterDriver driver, List<EngineNode> nodes,
            long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long completed = 0;
        while (System.nanoTime() < deadline) {
            driver.round(nodes);
            completed = environment.count(COMPLETED);
            if (completed >= expected) {
                return completed;
            }
            EngineNode.sleep(300);
        }
        return completed;
    }

    /**
     * Enters codes (but approves nothing, so no request completes) until some requests wait in review: then every
     * request is in flight, at some stage between intake and review.
     */
    static void driveIntoFlight(FaultEnvironment environment, RequesterDriver driver, List<EngineNode> nodes,
            long inReview, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && environment.count("SELECT COUNT(*) FROM dsar_request WHERE stage = 'IN_REVIEW'") < inReview) {
            driver.round(nodes, false);
            EngineNode.sleep(200);
        }
    }

    static void assertNothingLostNothingStuck(FaultEnvironment environment, int requests, int maxRepeats) {
        assertThat(environment.count(COMPLETED)).as("completed requests").isEqualTo(requests);
        assertThat(environment.count("SELECT COUNT(*) FROM act_ru_execution")).as("process executions left")
                .isZero();
        // Scheduled jobs (history clean-up, the nightly retention's timer start event) are no work left behind.
        assertThat(environment.count("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ <> 'history-cleanup'"
                + " AND handler_type_ <> 'timer-start-event'")).as("jobs left").isZero();
        assertThat(environment.count("SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();

        List<MimeMessage> messages = Arrays.asList(environment.smtp.getReceivedMessages());
        Map<String, Set<String>> messageIdsPerMail = messages.stream().collect(Collectors.groupingBy(
                message -> FaultEnvironment.header(message, "X-DSAR-Mail-Key"),
                Collectors.mapping(message -> FaultEnvironment.header(message, "Message-ID"), Collectors.toSet())));
        assertThat(messageIdsPerMail).as("distinct mails: acknowledgement, code and response per request")
                .hasSize(3 * requests);
        assertThat(messageIdsPerMail.values()).as("every delivery of a mail carries the same Message-ID")
                .allMatch(ids -> ids.size() == 1);
        long repeats = messages.size() - messageIdsPerMail.size();
        // SMTP has no exactly-once: a kill in the milliseconds between the server's acceptance of a mail and the
        // commit of its record repeats that one mail, with the same Message-ID, so mail clients show it once.
        // At most one per job that was running when the node died.
        log.info("{} mails delivered, {} distinct, {} repeated", messages.size(),
                messageIdsPerMail.size(), repeats);
        assertThat(repeats).as("mails repeated by a kill").isLessThanOrEqualTo(maxRepeats);
        assertThat(environment.count("SELECT COUNT(*) FROM sent_mail")).as("mails recorded as sent")
                .isEqualTo(3L * requests);
    }
}
