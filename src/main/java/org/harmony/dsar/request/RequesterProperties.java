package org.harmony.dsar.request;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How requesters reach their request.
 *
 * @param publicBaseUrl where the engine is reached from outside; links in mails start with it
 * @param tokenTtl      how long a link from a mail works
 */
@ConfigurationProperties("dsar.requester")
public record RequesterProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("P30D") Duration tokenTtl) {
}
