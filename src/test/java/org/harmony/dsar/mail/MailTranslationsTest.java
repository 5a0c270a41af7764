package org.harmony.dsar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every requester mail exists in every supported language, and names the complaint or appeal route of the
 * requester's jurisdiction. A new template without its translation fails the build.
 */
class MailTranslationsTest {

    /**
     * Mails in English only, besides staff alerts ({@code staff-*}): the Californian breach notice, whose English
     * headings Cal. Civ. Code 1798.82 prescribes. Notices to recipients and processors are translated (the catalogue
     * gives each its language), and so is the package link to another controller (Art 20(2), in the request's).
     */
    private static final Set<String> ENGLISH_ONLY = Set.of("breach-notice-california");

    /** The mails that tell a requester where to complain or appeal. */
    private static final List<String> WITH_COMPLAINT_ROUTE = List.of("closed-unverified", "identity-unverifiable",
            "access-response", "request-completed", "deadline-extended", "request-denied", "sensitive-use-limited", "portability-not-transmitted");

    /** What a requester of each jurisdiction must read, in every language. */
    private static final Map<String, String> AUTHORITY = Map.of(
            "UK", "Information Commissioner",
            "US-CA", "California Privacy Protection Agency",
            "US-VA", "Virginia Attorney General",
            "US-CO", "Colorado Attorney General",
            "BR", "ANPD",
            "IN", "Data Protection Board of India",
            "EU", "");

    private final MailTemplates templates = new MailTemplates();

    @Test
    void shouldHaveEveryRequesterMailInEverySupportedLanguage() throws IOException {
        Set<String> files = new TreeSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:mail/*")) {
            files.add(resource.getFilename());
        }
        List<String> missing = new ArrayList<>();
        for (String template : requesterTemplates(files)) {
            for (String language : MailTemplates.LANGUAGES.subList(1, MailTemplates.LANGUAGES.size())) {
                for (String extension : List.of(".html", ".txt")) {
                    if (!files.contains(template + "_" + language + extension)) {
                        missing.add(template + "_" + language + extension);
                    }
                }
            }
        }

        assertThat(requesterTemplates(files)).contains("verification-reminder", "more-information-needed",
                "identity-unverifiable", "agent-confirmation", "authorisation-requested", "jurisdiction-rights");
        assertThat(missing).as("requester mail templates without their translation").isEmpty();
    }

    @ParameterizedTest(name = "{0} in {1} for {2}")
    @MethodSource("mailsLanguagesAndJurisdictions")
    void shouldNameTheComplaintRouteOfTheRequestersJurisdiction(String template, String language, String jurisdiction) {
        MailTemplates.Rendered mail = templates.render(template, Locale.forLanguageTag(language), model(jurisdiction));

        String authority = AUTHORITY.get(jurisdiction);
        assertThat(mail.html().replaceAll("\\s+", " ")).contains(authority);
        assertThat(mail.text()).contains(authority);
        boolean supervisoryAuthority = mail.text().contains("supervisory authority")
                || mail.text().contains("Datenschutz-Aufsichtsbehörde");
        assertThat(supervisoryAuthority).as("a supervisory authority is named only to EU requesters")
                .isEqualTo(jurisdiction.equals("EU"));
        assertThat(mail.text()).doesNotContain(language.equals("de") ? "Dear " : "Guten Tag");
        assertThat(mail.html() + mail.text()).doesNotContain("${").doesNotContain("[(");
    }

    static Stream<Arguments> mailsLanguagesAndJurisdictions() {
        return WITH_COMPLAINT_ROUTE.stream().flatMap(template -> MailTemplates.LANGUAGES.stream()
                .flatMap(language -> AUTHORITY.keySet().stream()
                        .map(jurisdiction -> Arguments.of(template, language, jurisdiction))));
    }

    private static Set<String> requesterTemplates(Set<String> files) {
        Set<String> templates = new TreeSet<>();
        for (String file : files) {
            String name = file.replaceFirst("\\.(html|txt)$", "");
            if (name.equals(file) || name.startsWith("staff-") || ENGLISH_ONLY.contains(name)
                    || Arrays.stream(name.split("_")).count() > 1) {
                continue;
            }
            templates.add(name);
        }
        return templates;
    }

    private static Map<String, Object> model(String jurisdiction) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "DSAR-TEST0-00001");
        model.put("fullName", "Ada Lovelace");
        model.put("requestType", "access to your personal data");
        model.put("law", "the law");
        model.put("jurisdiction", jurisdiction);
        model.put("receivedDate", "15 December 2026");
        model.put("dueDate", "15 January 2027");
        model.put("previousDueDate", "15 December 2026");
        model.put("statusUrl", "http://localhost/status");
        model.put("packageUrl", "http://localhost/package");
        model.put("packageExpiryDate", "22 January 2027");
        model.put("identityUrl", "http://localhost/identity");
        model.put("extensionReason", "COMPLEXITY");
        model.put("reason", "LEGAL_EXEMPTION");
        model.put("categoriesOnly", false);
        return model;
    }
}
