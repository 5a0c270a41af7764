package org.harmony.dsar.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmony.dsar.fault.FaultAssertions.COMPLETED;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Two engine nodes share one PostgreSQL: both take requests and jobs; one is killed mid-run and the other
 * finishes everything, including the jobs the dead node had locked.
 */
class TwoNodesIT {

    private static final int REQUESTS = 300;
    /** The most jobs a node runs at once (camunda.bpm.job-execution.max-pool-size): each can repeat one mail. */
    private static final int JOB_THREADS = 8;

    @Test
    void shouldFinishEverythingOnTheSurvivingNode() throws Exception {
        try (FaultEnvironment environment = new FaultEnvironment();
                EngineNode first = new EngineNode("node-a", environment);
                EngineNode second = new EngineNode("node-b", environment)) {
            first.start();
            second.start();
            RequesterDriver driver = new RequesterDriver(environment);
            for (int i = 0; i < REQUESTS; i++) {
                driver.submit(i % 2 == 0 ? first : second, "two-nodes." + i + "@example.org");
            }
            FaultAssertions.driveIntoFlight(environment, driver, List.of(first, second), 50,
                    Duration.ofMinutes(3));
            first.kill();
            assertThat(REQUESTS - environment.count(COMPLETED)).as("requests in flight when node A died")
                    .isGreaterThanOrEqualTo(100);

            FaultAssertions.driveUntilCompleted(environment, driver, List.of(second), REQUESTS,
                    Duration.ofMinutes(6));

            FaultAssertions.assertNothingLostNothingStuck(environment, REQUESTS, JOB_THREADS);
            assertThat(environment.count("SELECT COUNT(*) FROM request_event WHERE event_type = 'MAIL_SENT'"))
                    .as("mails in the audit trail").isEqualTo(3L * REQUESTS);
        }
    }
}
