package org.harmony.dsar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The identity verification mails render, with a subject, and escape what requesters and officers typed. */
class VerificationMailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "verification-reminder   | DSAR-AAAAA-BBBBB: please confirm your email address        | http://localhost/verify.html?reference=DSAR-AAAAA-BBBBB",
            "agent-confirmation      | DSAR-AAAAA-BBBBB: did you ask someone to make a request for you? | 123456",
            "authorisation-requested | DSAR-AAAAA-BBBBB: please send the authorisation            | http://localhost/identity.html?token=t",
            "more-information-needed | DSAR-AAAAA-BBBBB: we need a little more to confirm your identity | Please sign",
            "identity-unverifiable   | DSAR-AAAAA-BBBBB: we could not verify your identity        | California Privacy Protection Agency",
            "closed-unverified       | DSAR-AAAAA-BBBBB: your request was closed                  | To make the request again"})
    void shouldRenderWithSubjectAndEscapeInput(String template, String subject, String expectedText) {
        MailTemplates.Rendered rendered = templates.render(template, Locale.ENGLISH, model());

        assertThat(rendered.subject()).isEqualTo(subject);
        assertThat(rendered.text()).contains(expectedText).doesNotContain("${");
        assertThat(rendered.html()).doesNotContain("<script>").doesNotContain("${");
        if (rendered.text().contains("Sam")) {
            assertThat(rendered.html()).contains("Sam &lt;script&gt;");
        }
        if (rendered.text().contains("Please sign")) {
            assertThat(rendered.html()).contains("Please sign &lt;script&gt;");
        }
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "DSAR-AAAAA-BBBBB");
        model.put("fullName", "Ada <script>alert(1)</script> Lovelace");
        model.put("agentName", "Sam <script>alert(2)</script> Agent");
        model.put("requestType", "access to your personal data");
        model.put("law", "CCPA/CPRA");
        model.put("jurisdiction", "US-CA");
        model.put("code", "123456");
        model.put("codeValidHours", 24L);
        model.put("verifyUrl", "http://localhost/verify.html?reference=DSAR-AAAAA-BBBBB&code=123456");
        model.put("verifyPageUrl", "http://localhost/verify.html?reference=DSAR-AAAAA-BBBBB");
        model.put("identityUrl", "http://localhost/identity.html?token=t");
        model.put("statusUrl", "http://localhost/status?token=t");
        model.put("message", "Please sign <script>alert(3)</script> the declaration.");
        model.put("declaration", "I declare under penalty of perjury ...");
        model.put("reason", "The details do not match <script>alert(4)</script>.");
        return model;
    }
}
