package org.harmony.dsar.retention;

import java.time.Duration;

import org.harmony.dsar.fulfilment.PackageCleanup;
import org.harmony.dsar.kernel.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes packages after their download period, and the files of ended requests that a crash left behind. Runs on one
 * node of a cluster at a time ({@link ClusterLock}): the files are where every node reads them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionCleanup {

    static final String LOCK = "retention-cleanup";

    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);

    private final PackageCleanup packages;
    private final RequestRetention retention;
    private final ClusterLock lock;

    RetentionCleanup(PackageCleanup packages, RequestRetention retention, ClusterLock lock) {
        this.packages = packages;
        this.retention = retention;
        this.lock = lock;
    }

    @Scheduled(fixedDelayString = "${dsar.fulfilment.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        deleteWhatIsNoLongerNeeded();
    }

    /** Runs the cleanup unless another node is running it; whether this node ran it. */
    public boolean deleteWhatIsNoLongerNeeded() {
        if (!lock.tryLock(LOCK, Duration.ofHours(1))) {
            log.debug("Retention cleanup: another node is cleaning up");
            return false;
        }
        try {
            int expired = packages.deleteExpired();
            int swept = retention.sweep();
            if (expired > 0 || swept > 0) {
                log.info("Retention cleanup: {} expired packages, lookup records of {} requests and leftover files"
                        + " deleted", expired, swept);
            }
            return true;
        } finally {
            lock.release(LOCK);
        }
    }
}
