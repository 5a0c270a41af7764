package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.request.process.DsarVariables;
import org.harmony.dsar.tasklist.TasklistBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    /**
     * The officer's list and open cases hold this test's case only: cases earlier journeys left open would push it
     * past the first page of the list (Tasklist pages by 15) and of the select.
     */
    @BeforeEach
    void endTheCasesEarlierJourneysLeftOpen() {
        List<String> open = engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().list()
                .stream().map(instance -> instance.getId()).toList();
        if (!open.isEmpty()) {
            engine.getRuntimeService().deleteProcessInstances(open, "ended before a Tasklist journey", true, true);
        }
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
        awaitMail(email, reference + ": your personal data is ready");
        assertThat(events(reference)).contains("PACKAGE_OPENED_BY_STAFF", "CASE_FILE_OPENED");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("reviewDecision")
                .list().stream().anyMatch(v -> "APPROVE".equals(v.getValue()))).isTrue();
    }

    @Test
    void shouldLetLegalCounselPickTheHoldToReleaseFromAList() {
        String email = uniqueEmail("tasklist.held");
        String holdId = (String) legalPost("/api/legal-holds", """
                {"matterReference": "M-TL-2026-7", "scope": "SUBJECT", "subject": {"type": "EMAIL", "value": "%s"},
                 "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS", "note": "Dispute", "reviewAt": "%s"}
                """.formatted(email, LocalDate.now().plusMonths(6))).getBody().get("id");
        String reference = submitAndVerify(email, """
                {"type": "ERASURE", "jurisdiction": "EU", "email": "%s", "fullName": "Held Subject"}
                """.formatted(email));

        try (TasklistBrowser browser = TasklistBrowser.open(baseUrl(), "en")) {
            try {
                browser.logIn("legal", "legal").selectFilter("My group's DSAR tasks").openTask(reference).claim()
                        .chooseRadio("Release a hold and proceed");
                List<String> options = browser.pickFromSelect("Hold to release", "M-TL-2026-7");
                assertThat(options).hasSize(1);
                assertThat(options.get(0)).contains("M-TL-2026-7").contains("GDPR-17-3-E-LEGAL-CLAIMS")
                        .doesNotContain(email).doesNotContain(holdId);
                browser.type("Why the hold is released", "Matter settled").submit("Complete");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("legal-failure");
                throw e;
            }
        }
        runDueJobs();
        Map<?, ?> hold = http.withBasicAuth("legal", "legal").getForEntity("/api/legal-holds/" + holdId, Map.class)
                .getBody();
        assertThat(hold.get("active")).isEqualTo(false);
        assertThat(hold.get("releasedBy")).isEqualTo("legal");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableName(DsarVariables.RELEASABLE_HOLDS.name()).count()).isZero();
    }

    @Test
    void shouldLetTheDpoRecordABreachFromTheStartForm() {
        String description = "Tasklist breach " + System.nanoTime() + ": the CRM export folder was public for a day.";
        try (TasklistBrowser browser = TasklistBrowser.open(baseUrl(), "en")) {
            try {
                browser.logIn("dpo", "dpo").startProcess("Personal data breach notification");
                browser.type("What happened", description)
                        .tick("Affected data categories", "contact details")
                        .tick("Laws the breach falls under", "EU: GDPR")
                        .type("Likely consequences", "Phishing mails that look like ours.")
                        .type("What we have done", "Closed the folder and rotated the credentials.")
                        .type("What the people affected can do", "Be wary of mails asking for payment details.")
                        .type("Contact for more information", "dpo@example.com")
                        .submit("Start");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("dpo-failure");
                throw e;
            }
        }
        Map<String, Object> breach = jdbc.sql("SELECT id, reference, created_by FROM breach WHERE description = :d")
                .param("d", description).query().singleRow();
        assertThat(breach.get("created_by")).isEqualTo("dpo");
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) breach.get("reference"))
                .singleResult();
        assertThat(instance).isNotNull();
        assertThat(runtime.getVariables(instance.getId())).containsEntry("breachId", breach.get("id"))
                .doesNotContainKeys("breachDescription", "consequences", "affectedCategories", "sourceChoices");
    }

    @Test
    void shouldLetAnOfficerAskForAnExtensionPickingTheCaseFromTheirOpenCases() {
        String email = uniqueEmail("tasklist.extension");
        String reference = submitAndVerify(email, """
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Tasklist Extension"}
                """.formatted(email));
        try (TasklistBrowser browser = TasklistBrowser.open(baseUrl(), "en")) {
            try {
                browser.logIn("officer", "officer").startProcess("Request a deadline extension");
                List<String> options = browser.pickFromSelect("Request", reference);
                assertThat(options).anyMatch(option -> option.startsWith(reference + " · ACCESS · EU · due "));
                assertThat(String.join(" ", options)).doesNotContain(email);
                browser.pickFromSelect("Reason", "The request is complex");
                browser.type("Explanation for the requester", "We must search twelve archived systems.")
                        .submit("Start");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("extension-failure");
                throw e;
            }
        }
        runDueJobs();
        assertThat(events(reference)).contains("DEADLINE_EXTENDED");
    }

    @Test
    void shouldSpeakGermanToAGermanBrowser() {
        try (TasklistBrowser browser = TasklistBrowser.open(baseUrl(), "de")) {
            assertThat(browser.loginButtonText()).isEqualTo("Anmelden");
        }
        try (TasklistBrowser browser = TasklistBrowser.open(baseUrl(), "en")) {
            assertThat(browser.loginButtonText()).isEqualTo("Log in");
        }
    }

    @Test
    void shouldAcceptTheTasklistSessionOnlyForReadingStaffEndpoints() {
        String email = uniqueEmail("tasklist.session");
        String reference = submitAndVerify(email, """
                {"type": "ACCESS", "jurisdiction": "UK", "email": "%s", "fullName": "Tasklist Session"}
                """.formatted(email));
        String caseFile = "/api/officer/requests/" + reference + "/case-file";
        String officer = webappSession("officer");

        assertThat(getWith(caseFile, officer).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(getWith(caseFile, webappSession("legal")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> anonymous = getWith(caseFile, null);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody()).doesNotContain(reference + "</span>");
        // A session is for reading: a change (here placing a hold, as legal counsel) still needs HTTP Basic.
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, webappSession("legal"));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> post = http.exchange("/api/legal-holds", HttpMethod.POST, new HttpEntity<>("""
                {"matterReference": "M-CSRF", "scope": "SOURCE", "sourceName": "orders",
                 "reasonCode": "GDPR-17-3-E-LEGAL-CLAIMS", "reviewAt": "%s"}
                """.formatted(LocalDate.now().plusMonths(1)), headers), String.class);
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_hold WHERE matter_reference = 'M-CSRF'").query(Integer.class)
                .single()).isZero();
    }

    /** Logs in to Tasklist as the webapps do (CSRF token first); the session cookie. */
    private String webappSession(String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String cookies = String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        headers.add("X-XSRF-TOKEN", xsrfToken(cookies));
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + user, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        return login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .map(cookie -> cookie.split(";", 2)[0]).orElseThrow();
    }

    private static String xsrfToken(String cookies) {
        return java.util.Arrays.stream(cookies.split("; ")).filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.substring("XSRF-TOKEN=".length())).findFirst().orElseThrow();
    }

    private ResponseEntity<String> getWith(String path, String cookies) {
        HttpHeaders headers = new HttpHeaders();
        if (cookies != null) {
            headers.add(HttpHeaders.COOKIE, cookies);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<Map> legalPost(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("legal", "legal").exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers),
                Map.class);
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
