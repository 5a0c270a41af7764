package org.harmony.dsar.fulfilment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param packageTtl        how long a data package can be downloaded; then its file is deleted
 * @param companyName       who answers, as the report names the controller
 * @param contact           where the requester asks questions (privacy team or DPO)
 * @param reportRecordLimit how many records per source the HTML report shows; all are in the data files
 * @param cleanupInterval   how often expired packages and lookup files are deleted
 * @param restrictionLiftNotice how long before a restriction is lifted the requester is told (GDPR Art 18(3))
 */
@ConfigurationProperties("dsar.fulfilment")
public record FulfilmentProperties(
        @DefaultValue("P7D") Duration packageTtl,
        @DefaultValue("Harmony") String companyName,
        @DefaultValue("privacy@harmony.example") String contact,
        @DefaultValue("200") int reportRecordLimit,
        @DefaultValue("PT1H") Duration cleanupInterval,
        @DefaultValue("P7D") Duration restrictionLiftNotice) {
}
