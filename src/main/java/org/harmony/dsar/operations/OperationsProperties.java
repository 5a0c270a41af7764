package org.harmony.dsar.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gaugeRefresh how often the gauges computed from the project's tables and the engine (open, overdue and due
 *                     requests, incidents, breach notices) are recomputed; every scrape in between reads the cache
 * @param dueSoon      how far ahead an open request counts as due soon
 * @param metricsGroup the Camunda group whose members (a Prometheus scraper's user) may read the metrics endpoint
 */
@ConfigurationProperties("dsar.operations")
public record OperationsProperties(
        @DefaultValue("PT30S") Duration gaugeRefresh,
        @DefaultValue("P7D") Duration dueSoon,
        @DefaultValue("monitoring") String metricsGroup) {
}
