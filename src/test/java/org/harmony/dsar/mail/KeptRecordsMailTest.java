package org.harmony.dsar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmony.dsar.legalhold.LegalGrounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The response to an erasure says what was kept, on which ground, and the rights, in English and German. */
class KeptRecordsMailTest {

    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "en, EU, 'Kept: Web enquiries, 2 records: needed for the establishment', supervisory authority",
            "en, UK, 'Kept: Web enquiries, 2 records: needed for the establishment', Information Commissioner",
            "en, US-VA, 'Kept: Web enquiries, 2 records: needed for the establishment', Virginia Attorney General",
            "de, EU, 'Aufbewahrt: Web enquiries, 2 Einträge: erforderlich zur Geltendmachung', Datenschutz-Aufsichtsbehörde"})
    void shouldListWhatWasKeptWithTheGroundAndTheRights(String language, String jurisdiction, String kept,
            String right) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "DSAR-TEST0-00001");
        model.put("fullName", "Ada Lovelace");
        model.put("requestType", "erasure");
        model.put("law", "GDPR");
        model.put("jurisdiction", jurisdiction);
        model.put("statusUrl", "http://localhost/status");
        model.put("changes", List.of("Erased: Newsletter subscriptions, 1 record"));
        model.put("kept", List.of(
                Map.of("source", "Web enquiries", "records", 2, "reasonCode", "GDPR-17-3-E-LEGAL-CLAIMS",
                        "ground", LegalGrounds.describe("GDPR-17-3-E-LEGAL-CLAIMS", locale), "legalHold", true),
                Map.of("source", "Orders", "records", 1, "reasonCode", "GDPR-17-3-B-TAX",
                        "ground", LegalGrounds.describe("GDPR-17-3-B-TAX", locale), "legalHold", false)));

        MailTemplates.Rendered mail = templates.render("request-completed", locale, model);

        assertThat(mail.text()).contains(kept).contains(right).contains("Orders, 1 ")
                .doesNotContain("GDPR-17-3-E-LEGAL-CLAIMS");
        assertThat(mail.html()).contains("Web enquiries").contains(right);
        assertThat(mail.html() + mail.text()).doesNotContain("${").doesNotContain("[(");
    }

    @ParameterizedTest
    @CsvSource({"en", "de"})
    void shouldSayNothingAboutKeptRecordsWhenNothingWasKept(String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "DSAR-TEST0-00001");
        model.put("fullName", "Ada Lovelace");
        model.put("requestType", "erasure");
        model.put("law", "GDPR");
        model.put("jurisdiction", "EU");
        model.put("statusUrl", "http://localhost/status");
        model.put("kept", List.of());

        MailTemplates.Rendered mail = templates.render("request-completed", Locale.forLanguageTag(language), model);

        assertThat(mail.text()).doesNotContain("Kept:").doesNotContain("Aufbewahrt:");
    }
}
