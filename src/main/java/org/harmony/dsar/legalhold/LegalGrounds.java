package org.harmony.dsar.legalhold;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reason codes on which data may be kept despite an erasure request (GDPR Art 17(3), CCPA 1798.105(d), LGPD
 * Art 16, DPDP s12(3); see RULES.md) and how the requester reads each, from {@code mail/grounds*.properties}: the
 * codes a hold may name are the keys of the English file, so adding a ground needs no code.
 */
public final class LegalGrounds {

    private static final String BUNDLE = "mail.grounds";

    private LegalGrounds() {
    }

    /** The reason codes known to the engine. */
    public static Set<String> codes() {
        return new TreeSet<>(bundle(Locale.ROOT).keySet());
    }

    public static boolean isKnown(String code) {
        return code != null && bundle(Locale.ROOT).containsKey(code);
    }

    /** The ground in the language given (English where there is no translation), or the code itself when unknown. */
    public static String describe(String code, Locale language) {
        if (code == null) {
            return "";
        }
        try {
            return bundle(language).getString(code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language == null ? Locale.ROOT : language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
