package org.harmony.dsar.fulfilment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes packages after their download window, and the lookup records behind them. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PackageCleanup {

    private static final Logger log = LoggerFactory.getLogger(PackageCleanup.class);

    private final AccessPackages packages;

    PackageCleanup(AccessPackages packages) {
        this.packages = packages;
    }

    @Scheduled(fixedDelayString = "${dsar.fulfilment.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void deleteExpiredPackages() {
        int deleted = packages.deleteExpired();
        if (deleted > 0) {
            log.info("Deleted {} expired data packages", deleted);
        }
    }
}
