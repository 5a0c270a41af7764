package org.harmony.dsar.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;
import org.junit.jupiter.api.Test;

class KeywordSuggestionsTest {

    @Test
    void shouldSuggestTypeLanguageAndLawFromEnglishWords() {
        KeywordSuggestions.Suggestion suggestion = KeywordSuggestions.suggest("Subject access request",
                "Dear team, under the GDPR I would like a copy of my personal data. Regards");
        assertThat(suggestion.type()).contains(RequestType.ACCESS);
        assertThat(suggestion.language()).contains("en");
        assertThat(suggestion.jurisdiction()).contains(Jurisdiction.EU);
        assertThat(suggestion.describe()).startsWith("Suggested from keywords, check before you decide");
    }

    @Test
    void shouldSuggestTheCaliforniaLimitOnSensitiveInformation() {
        KeywordSuggestions.Suggestion suggestion = KeywordSuggestions.suggest("Limit the use of my data",
                "Please limit the use of my sensitive personal information (Cal. Civ. Code 1798.121).");
        assertThat(suggestion.type()).contains(RequestType.LIMIT_SENSITIVE_USE);
    }

    @Test
    void shouldSuggestFromGermanWords() {
        KeywordSuggestions.Suggestion suggestion = KeywordSuggestions.suggest("Löschung",
                "Sehr geehrte Damen und Herren, bitte löschen Sie meine Daten nach Art. 17 DSGVO.");
        assertThat(suggestion.type()).contains(RequestType.ERASURE);
        assertThat(suggestion.language()).contains("de");
        assertThat(suggestion.jurisdiction()).contains(Jurisdiction.EU);
    }

    @Test
    void shouldSuggestNothingWhenTheWordsAreUnclear() {
        KeywordSuggestions.Suggestion suggestion = KeywordSuggestions.suggest("Hello", "Where is my parcel?");
        assertThat(suggestion.type()).isEmpty();
        assertThat(suggestion.jurisdiction()).isEmpty();
        assertThat(suggestion.describe()).contains("type unclear");
    }

    @Test
    void shouldNotPickATypeWhenTwoAreEquallyNamed() {
        assertThat(KeywordSuggestions.suggest("", "Please delete my account, or give me access to it.").type())
                .isEmpty();
    }
}
