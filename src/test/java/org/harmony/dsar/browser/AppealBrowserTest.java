package org.harmony.dsar.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The appeal page in a real Chromium, opened from the denial mail's link: the form, the appeal sent, the page
 * afterwards; and the request form refusing California's limit on sensitive information under another law.
 * axe-core checks every page.
 */
class AppealBrowserTest extends BrowserTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldLetARequesterAppealADenialFromTheMailsLink() {
        String email = demoCustomer(jdbc, "browser.appellant");
        String reference = deniedRequest(email, "US-VA");
        String appealLink = linkIn(awaitMail(email, reference + ": we cannot grant your request"), "/appeal");
        Browser browser = browser("en-US,en");

        browser.open(local(appealLink));
        assertThat(browser.driver().getTitle()).startsWith("Appeal our decision on request " + reference);
        assertThat(browser.pageText()).contains("VCDPA").contains("A reviewer who did not take part");
        assertAccessible(browser);
        browser.type("statement", "I asked only for my own orders.");
        browser.clickAndWait("#send-appeal");

        assertThat(browser.text("#result")).startsWith("We received your appeal.");
        assertThat(browser.driver().findElements(By.id("statement"))).isEmpty();
        assertAccessible(browser);
        assertThat(jdbc.sql("""
                SELECT a.statement FROM appeal a JOIN dsar_request r ON r.id = a.request_id
                WHERE r.reference = :reference""").param("reference", reference).query(String.class).single())
                .isEqualTo("I asked only for my own orders.");
    }

    @Test
    void shouldOfferTheLimitOnSensitiveInformationOnlyUnderCalifornianLaw() {
        Browser browser = browser("en-US,en");
        browser.open(url("/privacy/request"));
        browser.click("#type-LIMIT_SENSITIVE_USE");
        new Select(browser.find("#jurisdiction")).selectByValue("US-VA");
        browser.type("fullName", "Vera Ginia");
        browser.type("email", uniqueEmail("vera"));
        browser.clickAndWait("#send");

        assertThat(browser.text("#type-error")).startsWith("This right is given only by California law (CCPA).");
        assertAccessible(browser);
    }
}
