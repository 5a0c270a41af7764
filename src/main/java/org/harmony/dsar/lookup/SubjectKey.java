package org.harmony.dsar.lookup;

import java.util.Locale;

import org.harmony.dsar.kernel.KeyedHash;

/**
 * An identifier of a data subject as the hold registry keeps it: its type and the keyed hash (HMAC-SHA-256 with
 * {@code dsar.security.hash-key}) of its normalised value. The registry never stores the identifier itself; a
 * request is matched by hashing its own identifiers alike, with the same key.
 */
public record SubjectKey(Type type, String hash) {

    /** The identifiers a hold can name, each with the normalisation that makes equal values hash alike. */
    public enum Type {
        /** Case and surrounding spaces ignored. */
        EMAIL("email"),
        /** Case, spaces and dashes ignored. */
        CUSTOMER_NUMBER("customerNumber"),
        /** Only the digits count, and of those the last nine (as identity matching compares phones). */
        PHONE("phone");

        private final String dataPoint;

        Type(String dataPoint) {
            this.dataPoint = dataPoint;
        }

        /** The name of the request data point carrying this identifier (the email is the request's own). */
        public String dataPoint() {
            return dataPoint;
        }

        /** The identifier carried by the data point of this name. */
        public static Type ofDataPoint(String dataPoint) {
            for (Type type : values()) {
                if (type.dataPoint.equals(dataPoint)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("no identifier type for data point " + dataPoint);
        }

        String normalise(String value) {
            String stripped = value.strip();
            return switch (this) {
                case EMAIL -> stripped.toLowerCase(Locale.ROOT);
                case CUSTOMER_NUMBER -> stripped.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
                case PHONE -> {
                    String digits = stripped.replaceAll("\\D", "");
                    yield digits.length() > 9 ? digits.substring(digits.length() - 9) : digits;
                }
            };
        }
    }

    /** The key of an identifier value; null when the value is blank (nothing to match). */
    public static SubjectKey of(Type type, String value, KeyedHash hash) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = type.normalise(value);
        return normalised.isEmpty() ? null : new SubjectKey(type, hash.hex("legal-hold:" + type + ":" + normalised));
    }
}
