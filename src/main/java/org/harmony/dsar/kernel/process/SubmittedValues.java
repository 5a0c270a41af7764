package org.harmony.dsar.kernel.process;

import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reading and checking what a user typed into a Camunda Form (task completion or start form). Tasklist checks the
 * form's rules only in the browser, so the server reads the values defensively: a blank or non-text value is null,
 * a name that is no constant of the enum is null.
 */
public final class SubmittedValues {

    /** As {@link org.harmony.dsar.kernel.MailAddress}: a domain with a dot, no spaces or control characters. */
    private static final Pattern MAIL_ADDRESS =
            Pattern.compile("[^@\\s\\p{Cc}]{1,64}@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]+");
    private static final Pattern SINGLE_LINE = Pattern.compile("[^\\p{Cc}]*");

    private SubmittedValues() {
    }

    /** The value as stripped text, or null when it is blank or no text. */
    public static String text(Function<String, Object> values, String name) {
        return values.apply(name) instanceof String value && !value.isBlank() ? value.strip() : null;
    }

    /** The variable's value as stripped text, or null when it is blank or no text. */
    public static String text(Function<String, Object> values, ProcessVariable<?> variable) {
        return text(values, variable.name());
    }

    /** The enum constant of that name, or null. */
    public static <E extends Enum<E>> E named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElse(null);
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** An address mail can be sent to, at most 254 characters. */
    public static boolean isMailAddress(String value) {
        return value != null && value.strip().length() <= 254 && MAIL_ADDRESS.matcher(value.strip()).matches();
    }

    /** Text of one line without control characters, at most {@code max} characters. */
    public static boolean isSingleLine(String value, int max) {
        return value != null && value.length() <= max && SINGLE_LINE.matcher(value).matches();
    }
}
