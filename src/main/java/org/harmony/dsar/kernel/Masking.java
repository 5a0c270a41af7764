package org.harmony.dsar.kernel;

/**
 * Masks a personal value for a compliance officer's screen: enough to compare two values, not enough to learn
 * one. Only the last two characters of a value of at least six characters are shown; the length is hidden.
 */
public final class Masking {

    private static final String HIDDEN = "••••";
    private static final int SHOWN = 2;
    private static final int MIN_LENGTH_TO_SHOW = 6;

    private Masking() {
    }

    public static String mask(String value) {
        if (value == null || value.isBlank()) {
            return "(empty)";
        }
        String stripped = value.strip();
        if (stripped.length() < MIN_LENGTH_TO_SHOW) {
            return HIDDEN;
        }
        return HIDDEN + stripped.substring(stripped.length() - SHOWN);
    }
}
