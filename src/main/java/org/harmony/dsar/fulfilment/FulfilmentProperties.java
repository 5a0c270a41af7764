package org.harmony.dsar.fulfilment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param packageTtl  how long a data package can be downloaded; afterwards it is deleted
 * @param packageCleanupInterval how often expired packages are looked for and deleted
 * @param companyName who answers, as the report names the controller
 * @param contact     where the requester asks questions (privacy team or DPO)
 */
@ConfigurationProperties("dsar.fulfilment")
public record FulfilmentProperties(
        @DefaultValue("P7D") Duration packageTtl,
        @DefaultValue("PT1H") Duration packageCleanupInterval,
        @DefaultValue("Harmony") String companyName,
        @DefaultValue("privacy@harmony.example") String contact) {
}
