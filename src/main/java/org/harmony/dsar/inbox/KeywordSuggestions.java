package org.harmony.dsar.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;

/**
 * Guesses from a mail's words (English and German) which right it asks for, in which language it is written and under
 * which law. Only a suggestion for the officer: a type is suggested only when one type's words clearly win.
 */
final class KeywordSuggestions {

    private static final Map<RequestType, List<String>> TYPE_WORDS = new LinkedHashMap<>();

    static {
        TYPE_WORDS.put(RequestType.ERASURE, List.of("delete", "deletion", "erase", "erasure", "remove my",
                "right to be forgotten", "löschen", "löschung", "lösche", "vergessenwerden", "vergessen werden",
                "art. 17", "article 17", "artikel 17"));
        TYPE_WORDS.put(RequestType.ACCESS, List.of("access", "copy of my", "subject access", "what data",
                "which data", "what personal data", "auskunft", "kopie meiner", "welche daten", "art. 15",
                "article 15", "artikel 15"));
        TYPE_WORDS.put(RequestType.PORTABILITY, List.of("portability", "portable", "machine-readable",
                "datenübertragbarkeit", "übertragbarkeit", "art. 20", "article 20", "artikel 20"));
        TYPE_WORDS.put(RequestType.RECTIFICATION, List.of("rectify", "rectification", "correct my", "incorrect",
                "berichtigung", "berichtigen", "korrigieren", "falsch", "art. 16", "article 16", "artikel 16"));
        TYPE_WORDS.put(RequestType.RESTRICTION, List.of("restrict", "restriction", "einschränkung",
                "einschränken", "art. 18", "article 18", "artikel 18"));
        TYPE_WORDS.put(RequestType.OBJECTION, List.of("i object", "objection", "object to", "widerspruch",
                "widerspreche", "art. 21", "article 21", "artikel 21"));
        TYPE_WORDS.put(RequestType.WITHDRAW_CONSENT, List.of("withdraw my consent", "withdraw consent",
                "revoke my consent", "einwilligung widerrufen", "widerrufe meine einwilligung", "widerruf"));
        TYPE_WORDS.put(RequestType.OPT_OUT_OF_SALE, List.of("do not sell", "don't sell", "opt out", "opt-out",
                "sale of my", "sharing of my"));
        TYPE_WORDS.put(RequestType.LIMIT_SENSITIVE_USE, List.of("limit the use", "sensitive personal information",
                "sensitive information", "1798.121", "limit use"));
    }

    private static final List<String> GERMAN = List.of("der", "die", "das", "und", "ich", "meine", "meiner", "bitte",
            "daten", "nicht", "mit", "sehr", "geehrte", "geehrter", "ihre", "ist", "zu", "von", "freundlichen", "grüßen");
    private static final List<String> ENGLISH = List.of("the", "and", "my", "please", "data", "i", "to", "of", "dear",
            "your", "is", "you", "with", "regards", "would", "like");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    private KeywordSuggestions() {
    }

    /** What the words suggest; each part empty when they do not make it clear. */
    record Suggestion(Optional<RequestType> type, Optional<String> language, Optional<Jurisdiction> jurisdiction) {

        String describe() {
            return "Suggested from keywords, check before you decide: type "
                    + type.map(Enum::name).orElse("unclear") + ", language " + language.orElse("unclear")
                    + ", jurisdiction " + jurisdiction.map(Jurisdiction::code).orElse("unclear") + ".";
        }
    }

    static Suggestion suggest(String subject, String text) {
        String all = ((subject == null ? "" : subject) + "\n" + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
        return new Suggestion(type(all), language(all), jurisdiction(all));
    }

    private static Optional<RequestType> type(String text) {
        RequestType best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Map.Entry<RequestType, List<String>> entry : TYPE_WORDS.entrySet()) {
            int score = (int) entry.getValue().stream().filter(text::contains).count();
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private static Optional<String> language(String text) {
        List<String> words = List.of(WORD.split(text));
        long german = words.stream().filter(GERMAN::contains).count() + (text.matches("(?s).*[äöüß].*") ? 2 : 0);
        long english = words.stream().filter(ENGLISH::contains).count();
        if (german == english) {
            return Optional.empty();
        }
        return Optional.of(german > english ? "de" : "en");
    }

    private static Optional<Jurisdiction> jurisdiction(String text) {
        if (text.contains("uk gdpr") || text.contains("data protection act 2018")) {
            return Optional.of(Jurisdiction.UK);
        }
        if (text.contains("gdpr") || text.contains("dsgvo") || text.contains("datenschutz-grundverordnung")) {
            return Optional.of(Jurisdiction.EU);
        }
        if (text.contains("ccpa") || text.contains("cpra") || text.contains("california")) {
            return Optional.of(Jurisdiction.US_CA);
        }
        if (text.contains("lgpd")) {
            return Optional.of(Jurisdiction.BR);
        }
        return Optional.empty();
    }
}
