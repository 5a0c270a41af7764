package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.harmony.dsar.tasklist.TasklistBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist as the privacy team uses it, in a real headless Chromium against the whole engine: the product's
 * Tasklist without the vendor's banner, each case's reference and due date in the list, every decision made inside
 * its task (the package and case file opened from the form with the Tasklist login, holds picked from a list), and
 * the DPO's breach recorded from a start form.
 */
class TasklistJourneyTest extends JourneyTestSupport {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;

    @BeforeAll
    static void browserInstalled() {
        assumeTrue(TasklistBrowser.available(), "chromium and chromedriver are not installed");
    }

    @Test
    void shouldLetAnOfficerOpenThePackageFromTheReviewTaskAndApprove() {
        String email = uniqueEmail("tasklist.officer");
        String reference = submitAndVerify(email, """
                {"type": "ACCESS", "jurisdiction": "UK", "email": "%s", "fullName": "Tasklist Officer"}
                """.formatted(email));
        runDueJobs();

        try (TasklistBrowser browser = TasklistBrowser.open(baseUrl(), "en")) {
            try {
                browser.logIn("officer", "officer");
                assertThat(browser.brandName()).isEqualTo("DSAR engine Tasklist");
                assertThat(browser.vendorBannerVisible()).isFalse();

                browser.selectFilter("My group's DSAR tasks");
                String entry = browser.taskInList(reference).getText();
                assertThat(entry).contains("Review response").contains(reference).contains("ACCESS").contains("UK")
                        .contains("Case due").containsIgnoringCase("due in");
                assertThat(browser.currentUrl()).contains("dueDate");
                browser.screenshot("officer-list");

                browser.openTask(reference);
                String packageLink = browser.formLink("the package").getAttribute("href");
                assertThat(packageLink).endsWith("/api/officer/requests/" + reference + "/package");
                assertThat(browser.fetchFromPage(packageLink)).startsWith("200 application/zip");
                String caseFileLink = browser.formLink("the case file").getAttribute("href");
                assertThat(browser.fetchFromPage(caseFileLink)).startsWith("200 text/html")
                        .contains("Case file").contains(reference);
                browser.screenshot("officer-review");

                browser.claim().chooseRadio("Approve and send the response").submit("Complete");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("officer-failure");
                throw e;
            }
        }
        runDueJobs();
        assertThat(awaitMail(email, reference).subject()).contains(reference);
        assertThat(events(reference)).contains("PACKAGE_OPENED_BY_STAFF", "CASE_FILE_OPENED");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("reviewDecision")
                .list().stream().anyMatch(v -> "APPROVE".equals(v.getValue()))).isTrue();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private List<String> events(String reference) {
        return jdbc.sql("""
                SELECT e.event_type FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference ORDER BY e.occurred_at
                """).param("reference", reference).query(String.class).list();
    }

}
