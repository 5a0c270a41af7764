package org.harmony.dsar.verification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codeTtl     how long a mailed code works
 * @param maxAttempts wrong codes after which a code is locked and a new one must be requested
 */
@ConfigurationProperties("dsar.verification")
public record VerificationProperties(
        @DefaultValue("PT24H") Duration codeTtl,
        @DefaultValue("5") int maxAttempts) {
}
