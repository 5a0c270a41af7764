package org.harmony.dsar.retention;

import org.harmony.dsar.fulfilment.AccessPackages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs on every node: deletes packages after their download period, and the files of ended requests that another
 * node (or a crash before the end listener's file deletion) left on this node's disk.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionCleanup {

    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);

    private final AccessPackages packages;
    private final RequestRetention retention;

    RetentionCleanup(AccessPackages packages, RequestRetention retention) {
        this.packages = packages;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${dsar.fulfilment.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void deleteWhatIsNoLongerNeeded() {
        int expired = packages.deleteExpired();
        int swept = retention.sweep();
        if (expired > 0 || swept > 0) {
            log.info("Retention cleanup: {} expired packages, {} leftover directories and files deleted", expired,
                    swept);
        }
    }
}
