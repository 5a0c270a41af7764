package org.harmony.dsar.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of the installation. The demo profile has a known value; outside it the engine refuses to start
 * without one of its own (see {@link SafeDefaults}).
 *
 * @param hashKey the secret of keyed hashes (HMAC-SHA-256): legal-hold subject keys and the {@code hash}
 *                anonymisation; at least 32 characters, for example {@code openssl rand -base64 32}
 */
@ConfigurationProperties("dsar.security")
public record SecurityProperties(String hashKey) {
}
