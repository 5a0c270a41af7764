package org.harmony.dsar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every requester mail, in English and German: subject, due date, escaped requester input. */
class MailTemplatesTest {

    private static final String HOSTILE_NAME = "Ada <script>alert(1)</script> Lovelace";

    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "acknowledgement, en, we have received your request",
            "acknowledgement, de, Wir haben Ihre Anfrage erhalten",
            "verification-code, en, confirm your email address",
            "verification-code, de, Bitte bestätigen Sie Ihre E-Mail-Adresse",
            "access-response, en, your personal data is ready",
            "access-response, de, Ihre personenbezogenen Daten stehen bereit",
            "request-completed, en, your request is complete",
            "request-completed, de, Ihre Anfrage ist erledigt",
            "deadline-extended, en, we need more time",
            "deadline-extended, de, Wir brauchen mehr Zeit",
            "request-denied, en, we cannot grant your request",
            "request-denied, de, Wir können Ihrer Anfrage nicht entsprechen"})
    void shouldRenderEveryMailWithTheDueDateAndEscapedInput(String template, String language, String subject) {
        MailTemplates.Rendered mail = templates.render(template, Locale.forLanguageTag(language), model());

        assertThat(mail.subject()).startsWith("DSAR-TEST0-00001").contains(subject);
        assertThat(mail.html()).contains("15 January 2027").doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.text()).contains("15 January 2027").contains("DSAR-TEST0-00001");
        assertThat(mail.html() + mail.text()).doesNotContain("${").doesNotContain("[(");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"closed-unverified, en, your request was closed", "closed-unverified, de, wurde geschlossen"})
    void shouldRenderTheClosingMail(String template, String language, String subject) {
        MailTemplates.Rendered mail = templates.render(template, Locale.forLanguageTag(language), model());

        assertThat(mail.subject()).contains(subject);
        assertThat(mail.html()).doesNotContain("<script>");
    }

    @ParameterizedTest
    @CsvSource({"COMPLEXITY, your request is complex", "NUMBER_OF_REQUESTS, a number of requests from you"})
    void shouldExplainTheExtensionReason(String reason, String explanation) {
        Map<String, Object> model = model();
        model.put("extensionReason", reason);
        model.put("extensionExplanation", "Eleven <b>systems</b>");

        MailTemplates.Rendered mail = templates.render("deadline-extended", Locale.ENGLISH, model);

        assertThat(mail.text()).contains(explanation).contains("Eleven <b>systems</b>");
        assertThat(mail.html()).contains(explanation).contains("Eleven &lt;b&gt;systems&lt;/b&gt;");
    }

    @ParameterizedTest
    @CsvSource({"UK, Information Commissioner", "US-VA, Virginia Attorney General", "EU, supervisory authority"})
    void shouldNameTheRightsOfTheJurisdictionInADenial(String jurisdiction, String right) {
        Map<String, Object> model = model();
        model.put("jurisdiction", jurisdiction);
        model.put("reason", "RIGHTS_OF_OTHERS");

        MailTemplates.Rendered mail = templates.render("request-denied", Locale.ENGLISH, model);

        assertThat(mail.text()).contains(right).contains("rights and freedoms");
    }

    @ParameterizedTest(name = "code to come: {0}, {1}")
    @CsvSource({"true, en, separate email with a code", "false, en, you will not receive a code",
            "true, de, separate E-Mail mit einem Code", "false, de, Sie erhalten keinen Code"})
    void shouldPromiseACodeOnlyWhereTheEmailAddressIsChecked(boolean emailCheck, String language, String text) {
        Map<String, Object> model = model();
        model.put("emailCheckRequired", emailCheck);

        MailTemplates.Rendered mail = templates.render("acknowledgement", Locale.forLanguageTag(language), model);

        assertThat(mail.text()).contains(text);
        assertThat(mail.html()).contains(text);
        assertThat(mail.text().contains("keinen Code") || mail.text().contains("not receive a code"))
                .isEqualTo(!emailCheck);
    }

    @ParameterizedTest(name = "categories only in {0}")
    @CsvSource({"en, could not verify your identity to the degree", "de, nicht so sicher bestätigen"})
    void shouldSayWhenAnAccessResponseHoldsCategoriesOnly(String language, String text) {
        Map<String, Object> model = model();
        model.put("categoriesOnly", true);

        MailTemplates.Rendered mail = templates.render("access-response", Locale.forLanguageTag(language), model);

        assertThat(mail.text()).contains(text).doesNotContain("JSON");
        assertThat(mail.html()).contains(text).contains("http://localhost/package");
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "DSAR-TEST0-00001");
        model.put("fullName", HOSTILE_NAME);
        model.put("requestType", "access to your personal data");
        model.put("law", "GDPR");
        model.put("jurisdiction", "EU");
        model.put("receivedDate", "15 December 2026");
        model.put("dueDate", "15 January 2027");
        model.put("previousDueDate", "15 December 2026");
        model.put("statusUrl", "http://localhost/status");
        model.put("packageUrl", "http://localhost/package");
        model.put("packageExpiryDate", "22 January 2027");
        model.put("verifyUrl", "http://localhost/verify");
        model.put("code", "123456");
        model.put("codeValidHours", 24);
        model.put("extensionReason", "COMPLEXITY");
        model.put("reason", "LEGAL_EXEMPTION");
        model.put("emailCheckRequired", true);
        model.put("categoriesOnly", false);
        return model;
    }
}
