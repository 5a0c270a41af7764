package org.harmony.dsar.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 with the installation's secret key ({@code dsar.security.hash-key}). Emails, phone numbers and
 * customer numbers are few enough to guess: anyone can recompute a plain or salted SHA-256 of a guess and compare,
 * but not a keyed hash without the key. Legal-hold subject keys and the {@code hash} anonymisation use it.
 */
public final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public KeyedHash(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The hash key is empty: set dsar.security.hash-key (DSAR_HASH_KEY)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The HMAC of the text's UTF-8 bytes as 64 lower-case hex digits. */
    public String hex(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }
}
