package org.harmony.dsar.fulfilment;

import java.time.Clock;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes data packages once their download period ({@code dsar.fulfilment.package-ttl}) has ended. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredPackageCleanup {

    private final AccessPackages packages;
    private final Clock clock;

    ExpiredPackageCleanup(AccessPackages packages, Clock clock) {
        this.packages = packages;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dsar.fulfilment.package-cleanup-interval:PT1H}",
            initialDelayString = "${dsar.fulfilment.package-cleanup-interval:PT1H}")
    void deleteExpiredPackages() {
        packages.deleteExpired(clock.instant());
    }
}
