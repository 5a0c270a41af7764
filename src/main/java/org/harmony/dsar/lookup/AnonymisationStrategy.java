package org.harmony.dsar.lookup;

import java.security.SecureRandom;
import org.harmony.dsar.kernel.KeyedHash;

/**
 * How an erasure anonymises one field. Hash and random keep the original's length, so the value always fits the
 * column it came from.
 */
public enum AnonymisationStrategy {
    /** The field becomes empty. */
    NULL {
        @Override
        public Object anonymise(Object original, String fixedValue, KeyedHash hash) {
            return null;
        }
    },
    /** The field gets the configured value. */
    FIXED {
        @Override
        public Object anonymise(Object original, String fixedValue, KeyedHash hash) {
            return fixedValue;
        }
    },
    /** A keyed hash (HMAC-SHA-256) of the value, in hex, cut to the original's length: equal inputs stay equal. */
    HASH {
        @Override
        public Object anonymise(Object original, String fixedValue, KeyedHash hash) {
            if (original == null) {
                return null;
            }
            String text = original.toString();
            String hex = hash.hex(text);
            return hex.substring(0, Math.min(hex.length(), Math.max(text.length(), 1)));
        }
    },
    /** Random letters and digits of the original's length: nothing links the value to the subject. */
    RANDOM {
        @Override
        public Object anonymise(Object original, String fixedValue, KeyedHash hash) {
            if (original == null) {
                return null;
            }
            int length = Math.max(original.toString().length(), 1);
            StringBuilder random = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                random.append(ALPHABET.charAt(RANDOM_SOURCE.nextInt(ALPHABET.length())));
            }
            return random.toString();
        }
    };

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM_SOURCE = new SecureRandom();

    /** The anonymised value of {@code original}; {@code hash} is the installation's keyed hash. */
    public abstract Object anonymise(Object original, String fixedValue, KeyedHash hash);
}
