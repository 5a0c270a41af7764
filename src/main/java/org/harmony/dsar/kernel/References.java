package org.harmony.dsar.kernel;

import java.security.SecureRandom;

/** New random references for requests and breaches: a prefix and groups of Crockford's base32, joined by dashes. */
public final class References {

    /** Crockford's base32 without I, L, O, U: easy to read aloud and type. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    /** {@code next("DSAR", 5, 5)} is like {@code DSAR-7K2QM-X04PZ}. */
    public static String next(String prefix, int... groups) {
        StringBuilder reference = new StringBuilder(prefix);
        for (int group : groups) {
            reference.append('-');
            for (int i = 0; i < group; i++) {
                reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return reference.toString();
    }
}
