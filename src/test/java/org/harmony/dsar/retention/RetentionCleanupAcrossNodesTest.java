package org.harmony.dsar.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.fulfilment.PackageCleanup;
import org.harmony.dsar.journey.JourneyTestSupport;
import org.harmony.dsar.kernel.ClusterLock;
import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.request.RequestRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention cleanup of two nodes, each with its own {@link ClusterLock}, started at the same moment on one
 * PostgreSQL: one of them deletes the expired packages, the other finds the cleanup taken and does nothing. Each
 * package is deleted once, with one event.
 */
class RetentionCleanupAcrossNodesTest extends JourneyTestSupport {

    private static final int PACKAGES = 12;

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private AccessPackages packages;
    @Autowired
    private PackageCleanup packageCleanup;
    @Autowired
    private RequestRetention retention;
    @Autowired
    private RequestRepository requests;
    @Autowired
    private RequestFiles files;

    @Test
    void shouldCleanUpOnOneNodeWhenTwoStartTogether() throws Exception {
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < PACKAGES; i++) {
            requestIds.add(requestWithExpiredPackage(uniqueEmail("cleanup." + i)));
        }
        RetentionCleanup nodeA = new RetentionCleanup(packageCleanup, retention,
                new ClusterLock(jdbc, Clock.systemUTC()));
        RetentionCleanup nodeB = new RetentionCleanup(packageCleanup, retention,
                new ClusterLock(jdbc, Clock.systemUTC()));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> runs = threads.invokeAll(List.<Callable<Boolean>>of(
                    () -> { together.await(); return nodeA.deleteWhatIsNoLongerNeeded(); },
                    () -> { together.await(); return nodeB.deleteWhatIsNoLongerNeeded(); }));
            assertThat(List.of(runs.get(0).get(), runs.get(1).get())).as("ran on one node only")
                    .containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdownNow();
        }

        for (String requestId : requestIds) {
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM request_event WHERE request_id = :id AND event_type = 'PACKAGE_DELETED'
                    """).param("id", requestId).query(Long.class).single()).as("deleted once").isEqualTo(1L);
            assertThat(files.list("package-")).noneMatch(file -> file.requestId().equals(requestId));
        }
        assertThat(jdbc.sql("SELECT locked_until FROM scheduled_lock WHERE name = 'retention-cleanup'")
                .query(Timestamp.class).single().toInstant()).as("released when done")
                .isBefore(Instant.now().plusSeconds(1));
    }

    private String requestWithExpiredPackage(String email) {
        Map<?, ?> accepted = submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Cleanup Test"}
                """.formatted(email)).getBody();
        String requestId = requests.findByReference((String) accepted.get("reference")).orElseThrow().id();
        packages.build(requestId);
        assertThat(packages.release(requestId)).isPresent();
        jdbc.sql("UPDATE access_package SET expires_at = :past WHERE request_id = :id")
                .param("past", Timestamp.from(Instant.now().minusSeconds(60))).param("id", requestId).update();
        return requestId;
    }
}
