package org.harmony.dsar.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmony.dsar.fault.FaultAssertions.COMPLETED;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine is killed with SIGKILL while at least 200 requests are in flight and started again: every request
 * completes, no mail is lost, nothing is left stuck, and no mail is repeated except one the kill caught between the
 * SMTP server's acceptance and the commit of its record (same Message-ID, so shown once).
 */
class CrashRecoveryIT {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);
    private static final int REQUESTS = 300;
    /** The most jobs a node runs at once (camunda.bpm.job-execution.max-pool-size): each can repeat one mail. */
    private static final int JOB_THREADS = 8;

    @Test
    void shouldCompleteEveryRequestAfterTheEngineIsKilledMidRun() throws Exception {
        try (FaultEnvironment environment = new FaultEnvironment();
                EngineNode node = new EngineNode("crash-node", environment)) {
            node.start();
            RequesterDriver driver = new RequesterDriver(environment);
            for (int i = 0; i < REQUESTS; i++) {
                driver.submit(node, "crash." + i + "@example.org");
            }
            FaultAssertions.driveIntoFlight(environment, driver, List.of(node), 50,
                    Duration.ofMinutes(3));
            long completedAtKill = environment.count(COMPLETED);
            node.kill();
            log.info("Killed the engine with {} of {} requests completed", completedAtKill, REQUESTS);
            assertThat(REQUESTS - completedAtKill).as("requests in flight when killed").isGreaterThanOrEqualTo(200);

            node.start();
            long completed = FaultAssertions.driveUntilCompleted(environment, driver, List.of(node), REQUESTS,
                    Duration.ofMinutes(6));
            log.info("After restart: {} of {} requests completed", completed, REQUESTS);

            FaultAssertions.assertNothingLostNothingStuck(environment, REQUESTS, JOB_THREADS);
        }
    }
}
