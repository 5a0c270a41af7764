package org.harmony.dsar.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.harmony.dsar.journey.JourneyTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole engine, as the journeys run it (real PostgreSQL, real SMTP, the same application context), with real
 * browsers at its port. Browsers started with {@link #browser} are closed after each test.
 */
public abstract class BrowserTestSupport extends JourneyTestSupport {

    @LocalServerPort
    private int port;

    private final List<Browser> browsers = new ArrayList<>();

    protected Browser browser(String acceptLanguage) {
        Browser browser = Browser.start(acceptLanguage);
        browsers.add(browser);
        return browser;
    }

    protected String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    /** A link from a mail, on this test's server. */
    protected String local(String link) {
        return url(relative(link));
    }

    /** The page in the browser has no serious or critical accessibility violation. */
    protected static void assertAccessible(Browser browser) {
        assertThat(browser.seriousAccessibilityViolations())
                .as("serious or critical axe-core violations on " + browser.driver().getCurrentUrl()).isEmpty();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }
}
