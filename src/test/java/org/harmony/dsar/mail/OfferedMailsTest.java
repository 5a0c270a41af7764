package org.harmony.dsar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmony.dsar.models.ProcessModels;
import org.junit.jupiter.api.Test;

/**
 * "Change a mail" in docs/designer-guide.md: every mail a designer can pick in an element template renders, in English
 * and German, with the facts every requester mail is given.
 */
class OfferedMailsTest {

    private static final String REFERENCE = "DSAR-GUIDE-00001";

    private final MailTemplates mails = new MailTemplates();

    @Test
    void shouldRenderEveryMailATemplateOffersInEnglishAndGerman() {
        assertThat(ProcessModels.offeredMails()).contains("closed-unverified", "deadline-extended", "request-denied")
                .allSatisfy(mail -> {
                    for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                        MailTemplates.Rendered rendered = mails.render(mail, language, model());
                        assertThat(rendered.subject()).as("%s %s", mail, language).isNotBlank();
                        assertThat(rendered.text()).as("%s %s", mail, language).contains(REFERENCE);
                        assertThat(rendered.html()).as("%s %s", mail, language).contains(REFERENCE);
                    }
                });
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", REFERENCE);
        model.put("fullName", "Ada Lovelace");
        model.put("requestType", "access to your personal data");
        model.put("law", "GDPR");
        model.put("jurisdiction", "EU");
        model.put("receivedDate", "15 December 2026");
        model.put("dueDate", "15 January 2027");
        model.put("previousDueDate", "15 December 2026");
        model.put("extensionReason", "COMPLEXITY");
        model.put("extensionExplanation", "Many systems");
        model.put("statusUrl", "http://localhost/status");
        model.put("verifyPageUrl", "http://localhost/verify");
        model.put("packageUrl", "http://localhost/package");
        model.put("packageExpiryDate", "22 January 2027");
        model.put("reason", "LEGAL_EXEMPTION");
        model.put("emailCheckRequired", true);
        model.put("categoriesOnly", false);
        model.put("changes", List.of());
        model.put("kept", List.of());
        return model;
    }
}
