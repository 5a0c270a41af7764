package org.harmony.dsar.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.harmony.dsar.verification.VerificationProperties;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The privacy center as a requester uses it, in a real Chromium: make a request, confirm it through the mailed
 * link, answer the officer's question and upload a document, follow the status, download the approved package; the
 * same in German; expired and unknown links. axe-core checks every page in the same browser.
 */
class PrivacyCenterBrowserTest extends BrowserTestSupport {

    /** The smallest PNG: one transparent pixel. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static final String QUESTION = "Please sign the declaration and add a document. <b>Which store</b> did you"
            + " last buy from?";
    private static final String ANSWER = "The Heron Street store, in March.\nI paid by card.";

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private VerificationProperties verificationProperties;

    @Test
    void shouldLetARequesterMakeConfirmAnswerFollowAndDownloadARequestInTheBrowser() throws IOException {
        String email = uniqueEmail("carla");
        Browser browser = browser("en-US,en");
        browser.open(url("/privacy"));
        assertThat(browser.driver().getTitle()).startsWith("Make a request about your personal data");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertAccessible(browser);

        // Sent empty: every error next to its field, tied to it, and listed at the top.
        browser.clickAndWait("#send");
        assertThat(browser.text("#summary-title")).isEqualTo("There is a problem");
        assertThat(browser.text("#email-error")).isEqualTo("Fill in this field.");
        assertThat(browser.find("#email").getAttribute("aria-describedby")).isEqualTo("email-hint email-error");
        assertThat(browser.text("#email-hint")).contains("We send a code to this address");
        assertThat(browser.find("#email").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#type-error")).isEqualTo("Fill in this field.");
        assertAccessible(browser);

        browser.click("#type");
        new Select(browser.find("#jurisdiction")).selectByValue("US-CA");
        browser.type("fullName", "Carla Reyes");
        browser.type("email", "carla.reyes@");
        browser.type("phone", "+1 (415) 555-0134");
        browser.type("customerNumber", "c-100002");
        browser.clickAndWait("#send");
        assertThat(browser.text("#email-error")).isEqualTo("Enter an email address such as name@example.com.");
        assertThat(browser.find("#fullName").getAttribute("value")).isEqualTo("Carla Reyes");
        browser.type("email", email);
        browser.clickAndWait("#send");

        assertThat(browser.driver().getTitle()).startsWith("We have received your request");
        String reference = browser.text("#reference");
        assertThat(reference).matches("DSAR-[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(browser.text("#due-date")).isNotBlank();
        assertThat(browser.pageText()).contains("California Privacy Protection Agency")
                .doesNotContain(email).doesNotContain("555-0134");
        assertAccessible(browser);
        runDueJobs();

        // The mailed link opens the confirmation page; opening it confirms nothing, the button does.
        ReceivedMail codeMail = awaitMail(email, reference + ": confirm your email address");
        browser.open(local(linkIn(codeMail, "/privacy/requests/" + reference + "/verify?code=")));
        assertThat(browser.find("#code").getAttribute("value")).isEqualTo(codeIn(codeMail));
        assertAccessible(browser);
        assertThat(eventsOf(reference)).doesNotContain("EMAIL_VERIFIED");
        browser.clickAndWait("#confirm");
        assertThat(browser.text("#result")).contains("your email address is confirmed");
        assertThat(eventsOf(reference)).contains("EMAIL_VERIFIED");
        assertAccessible(browser);
        runDueJobs();

        // The officer asks a question; the requester reads it on the page (as text: markup is not run), answers it
        // in their own words, signs the declaration and adds a document.
        assertThat(completeAs("officer", officerTaskId(reference, "UserTask_ReviewIdentity"), """
                {"identityReviewDecision": {"value": "ASK_FOR_MORE"},
                 "identityReviewNote": {"value": "%s"}}""".formatted(QUESTION))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        ReceivedMail moreMail = awaitMail(email, reference + ": we need a little more to confirm your identity");
        String informationLink = local(linkIn(moreMail, "/privacy/requests/" + reference + "/information?token="));
        browser.open(informationLink);
        assertThat(browser.driver().getTitle()).startsWith("Help us confirm your identity");
        assertThat(browser.text("#question")).isEqualTo(QUESTION);
        assertThat(browser.driver().findElements(By.cssSelector("#question b"))).as("markup shown as text").isEmpty();
        assertAccessible(browser);
        Path document = Files.createTempFile("authorisation", ".png");
        Files.write(document, PNG);
        browser.find("#document").sendKeys(document.toString());
        browser.clickAndWait("#upload");
        assertThat(browser.text("#result")).isEqualTo("Thank you. We received your document and will email you.");
        browser.find("#answer").sendKeys("x".repeat(2100));
        assertThat(browser.find("#answer").getAttribute("value")).as("the field takes at most 2000 characters")
                .hasSize(2000);
        browser.find("#answer").clear();
        browser.find("#answer").sendKeys(ANSWER);
        browser.click("#declarationAccepted");
        browser.type("signedName", "Carla Reyes");
        browser.clickAndWait("#send-information");
        assertThat(browser.text("#result")).isEqualTo("Thank you. We received your information and will email you.");
        assertThat(eventsOf(reference)).contains("IDENTITY_DOCUMENT_RECEIVED", "IDENTITY_INFORMATION_RECEIVED",
                "IDENTITY_QUESTION_ANSWERED");
        assertThat(questionsOf(reference)).containsExactly(Map.of("question", QUESTION, "answer", ANSWER));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_event e JOIN dsar_request r ON r.id = e.request_id"
                + " WHERE r.reference = :reference AND (e.detail LIKE '%Heron%' OR e.detail LIKE '%Which store%')")
                .param("reference", reference).query(Integer.class).single()).as("no text in the audit trail").isZero();
        assertThat(jdbc.sql("SELECT e.detail FROM request_event e JOIN dsar_request r ON r.id = e.request_id"
                + " WHERE r.reference = :reference AND e.event_type = 'IDENTITY_QUESTION_ANSWERED'")
                .param("reference", reference).query(String.class).single()).isEqualTo("characters=" + ANSWER.length());
        ResponseEntity<String> tooLong = postAnswer(informationLink, "y".repeat(2001));
        assertThat(tooLong.getStatusCode()).as("redirected back to the page").isEqualTo(HttpStatus.OK);
        assertThat(tooLong.getBody()).contains("Your answer is too long");
        assertThat(questionsOf(reference)).containsExactly(Map.of("question", QUESTION, "answer", ANSWER));
        runDueJobs();

        // The next "Review identity" shows the officer the question and the answer, for that task only.
        String secondReview = officerTaskId(reference, "UserTask_ReviewIdentity");
        assertThat((String) engine.getTaskService().getVariableLocal(secondReview, "requesterAnswer"))
                .contains(QUESTION).contains(ANSWER);

        // The status link of the acknowledgement opens the status page in a browser (JSON for API clients).
        String statusLink = linkIn(awaitMail(email, reference + ": we have received"), "/status");
        browser.open(local(statusLink));
        assertThat(browser.driver().getCurrentUrl()).contains("/privacy/requests/" + reference + "?token=");
        assertThat(browser.text("#stage")).startsWith("Confirming your identity");
        assertThat(browser.text("#timeline")).contains("We received your request.")
                .contains("You confirmed your email address.").contains("You sent a document.")
                .contains("You sent information to confirm your identity.");
        assertThat(browser.find("#send-information").getAttribute("href")).contains("/information?token=");
        assertAccessible(browser);

        // The officer confirms the identity; the status page follows.
        assertThat(completeAs("officer", secondReview, """
                {"identityReviewDecision": {"value": "VERIFIED"},
                 "identityReviewNote": {"value": "Declaration signed, authorisation document seen."}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        browser.open(local(statusLink));
        assertThat(browser.text("#stage")).startsWith("In review");
        assertThat(browser.text("#timeline")).contains("Your identity was confirmed.");
        assertThat(browser.text("#due-date")).isNotBlank();
        assertThat(browser.text("#next")).contains("We email you as soon as the response is approved");
        assertThat(browser.text("#rights")).contains("California Privacy Protection Agency");
        assertThat(browser.pageText()).doesNotContain(statusLink.replaceAll(".*token=", ""));
        assertAccessible(browser);
        assertThat(http.getForEntity(relative(statusLink), Map.class).getBody()).containsEntry("stage", "IN_REVIEW");

        // A second officer approves through the engine's API; the requester downloads on the page.
        assertThat(completeAs("officer2", officerTaskId(reference, "UserTask_ReviewResponse"), """
                {"reviewDecision": {"value": "APPROVE"}, "reviewComment": {"value": "Complete."}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        ReceivedMail response = awaitMail(email, reference + ": your personal data is ready");
        browser.open(local(linkIn(response, "/package")));
        assertThat(browser.driver().getTitle()).startsWith("Download your data");
        assertThat(browser.text("#files")).contains("report.html").contains("manifest.json");
        assertThat(browser.text("#expiry")).isNotBlank();
        assertAccessible(browser);
        browser.click("#download-button");
        Path zip = browser.awaitDownload(reference + ".zip");
        assertThat(unzip(Files.readAllBytes(zip))).containsKeys("report.html", "manifest.json");

        browser.open(local(statusLink));
        assertThat(browser.text("#stage")).startsWith("Completed");
        assertThat(browser.find("#download").getText()).isEqualTo("Download your data");
        assertThat(questionsOf(reference)).as("question and answer end with the request").isEmpty();

        // After its download period the package link says so, and how to ask again.
        expireAll("access_package", reference);
        browser.open(local(linkIn(response, "/package")));
        assertThat(browser.driver().getTitle()).startsWith("This data package has expired");
        assertThat(browser.find("#problem").getAttribute("data-problem")).isEqualTo("package-expired");
        assertThat(browser.text("#problem")).contains("Reply to our email to ask for a new copy");
        assertThat(browser.driver().findElements(By.id("download-button"))).isEmpty();
        assertAccessible(browser);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("requesterAnswer")
                .list()).as("the answer shown in the task is not kept in history").isEmpty();
    }

    @Test
    void shouldShowThePagesInGermanForAGermanBrowserAndRequest() {
        Browser browser = browser("de-DE,de");
        browser.open(url("/privacy/request"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("de");
        assertThat(browser.driver().getTitle()).startsWith("Eine Anfrage zu Ihren personenbezogenen Daten stellen");
        assertAccessible(browser);

        String email = uniqueEmail("anna");
        browser.click("#type");
        new Select(browser.find("#jurisdiction")).selectByValue("EU");
        browser.type("fullName", "Anna Schmidt");
        browser.type("email", email);
        browser.clickAndWait("#send");
        assertThat(browser.driver().getTitle()).startsWith("Wir haben Ihre Anfrage erhalten");
        String reference = browser.text("#reference");
        assertThat(browser.pageText()).contains("Datenschutz-Aufsichtsbehörde");
        assertAccessible(browser);
        runDueJobs();

        // The request's language carries on into its mails and the pages its links open, whatever the browser says.
        ReceivedMail codeMail = awaitMail(email, reference + ": Bitte bestätigen Sie Ihre E-Mail-Adresse");
        Browser english = browser("en-GB,en");
        english.open(local(linkIn(codeMail, "/verify?code=")));
        assertThat(english.find("html").getAttribute("lang")).isEqualTo("de");
        english.type("code", "000000");
        english.clickAndWait("#confirm");
        assertThat(english.text("#code-error")).isEqualTo("Der Code stimmt nicht. Prüfen Sie den Code in unserer"
                + " letzten E-Mail und versuchen Sie es erneut.");
        assertThat(english.find("#code").getAttribute("aria-describedby")).isEqualTo("code-error");
        assertAccessible(english);
        english.type("code", codeIn(codeMail));
        english.clickAndWait("#confirm");
        assertThat(english.text("#result")).contains("Ihre E-Mail-Adresse ist bestätigt");
        assertAccessible(english);
        runDueJobs();

        english.open(local(linkIn(awaitMail(email, reference + ": Wir haben Ihre Anfrage erhalten"), "/status")));
        assertThat(english.driver().getTitle()).startsWith("Ihre Anfrage " + reference);
        assertThat(english.text("#timeline")).contains("Sie haben Ihre E-Mail-Adresse bestätigt.");
        assertAccessible(english);
    }

    @Test
    void shouldExplainExpiredAndUnknownLinksOnAPage() {
        String statusLink = verifiedRequestStatusLink("expired", "UK");
        String reference = referenceIn(statusLink);
        String token = statusLink.replaceAll(".*token=", "");
        Browser browser = browser("en-GB,en");

        browser.open(url("/privacy/requests/" + reference + "?token=" + "A".repeat(43)));
        assertThat(browser.driver().getTitle()).startsWith("We do not recognise this link");
        assertThat(browser.find("#problem").getAttribute("data-problem")).isEqualTo("unknown-link");
        assertAccessible(browser);

        expireAll("requester_token", reference);
        browser.open(local(statusLink));
        assertThat(browser.driver().getTitle()).startsWith("This link has expired");
        assertThat(browser.text("#problem")).contains("Use the link from our most recent email");
        assertThat(browser.pageText()).doesNotContain(token);
        assertAccessible(browser);
        browser.clickAndWait("main a");
        assertThat(browser.driver().getTitle()).startsWith("Make a request about your personal data");

        ResponseEntity<String> expired = http.exchange(relative(statusLink).replace("/api/requests/" + reference
                + "/status", "/privacy/requests/" + reference), HttpMethod.GET, null, String.class);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expired.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(expired.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void shouldSayThatThePackageIsNotReadyBeforeTheResponseIsApproved() {
        String statusLink = verifiedRequestStatusLink("early", "EU");
        String reference = referenceIn(statusLink);
        Browser browser = browser("en-GB,en");

        browser.open(local(statusLink.replace("/api/requests/" + reference + "/status",
                "/privacy/requests/" + reference + "/download")));
        assertThat(browser.driver().getTitle()).startsWith("Your data package is not ready yet");
        assertThat(browser.find("#problem").getAttribute("data-problem")).isEqualTo("package-not-ready");
        assertThat(browser.text("#problem")).contains("We email you as soon as it is approved");
        assertThat(browser.driver().findElements(By.id("download-button"))).isEmpty();
        assertAccessible(browser);
        ResponseEntity<String> zip = http.exchange(relative(statusLink).replace("/api/requests/" + reference
                + "/status", "/privacy/requests/" + reference + "/package"), HttpMethod.GET, null, String.class);
        assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(zip.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    }

    @Test
    void shouldExplainAnExpiredAndALockedCode() {
        String email = uniqueEmail("late");
        String reference = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Lara Late"}""".formatted(email))
                .getBody().get("reference");
        runDueJobs();
        ReceivedMail first = awaitMail(email, reference + ": confirm your email address");
        Browser browser = browser("en-GB,en");

        // The right code after it expired.
        expireAll("verification_code", reference);
        browser.open(local(linkIn(first, "/privacy/requests/" + reference + "/verify?code=")));
        browser.clickAndWait("#confirm");
        assertThat(browser.text("#result")).isEqualTo("This code has expired. Ask for a new code below.");
        assertThat(eventsOf(reference)).doesNotContain("EMAIL_VERIFIED");
        assertAccessible(browser);

        // A new code, then wrong codes until it locks: then even the right code does not work.
        browser.clickAndWait("#resend");
        assertThat(browser.text("#result")).contains("a new one is on its way");
        runDueJobs();
        String second = codeIn(awaitMailCount(email, reference + ": confirm your email address", 2));
        String wrong = second.equals("000000") ? "111111" : "000000";
        jdbc.sql("UPDATE verification_code SET failed_attempts = :attempts WHERE used_at IS NULL AND invalidated_at"
                        + " IS NULL AND request_id = (SELECT id FROM dsar_request WHERE reference = :reference)")
                .param("attempts", verificationProperties.maxAttempts() - 1).param("reference", reference).update();
        browser.type("code", wrong);
        browser.clickAndWait("#confirm");
        assertThat(browser.text("#result")).isEqualTo("Too many wrong codes were entered, so this code no longer"
                + " works. Ask for a new code below.");
        browser.type("code", second);
        browser.clickAndWait("#confirm");
        assertThat(browser.text("#result")).startsWith("Too many wrong codes were entered");
        assertThat(eventsOf(reference)).doesNotContain("EMAIL_VERIFIED");
        assertAccessible(browser);
    }

    @Test
    void shouldReachTheSubmitButtonByKeyboardWithAVisibleFocus() {
        Browser browser = browser("en-US,en");
        browser.open(url("/privacy/request"));
        WebElement send = browser.find("#send");
        WebElement focused = null;
        for (int tab = 0; tab < 60 && !send.equals(focused); tab++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            focused = browser.driver().switchTo().activeElement();
        }
        assertThat(focused).as("the submit button is reached with the Tab key").isEqualTo(send);
        assertThat(send.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(Double.parseDouble(send.getCssValue("outline-width").replace("px", ""))).isGreaterThanOrEqualTo(2);
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.await("#summary-title").getText()).isEqualTo("There is a problem");
    }

    @Test
    void shouldRefuseAFormPostedWithoutItsTokenAndOfferTheGpcOptOut() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("type", "ACCESS");
        form.add("jurisdiction", "EU");
        form.add("fullName", "Mallory");
        form.add("email", uniqueEmail("mallory"));
        form.add("formToken", "0".repeat(64));
        ResponseEntity<String> forged = http.postForEntity("/privacy/request", new HttpEntity<>(form, headers),
                String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getBody()).contains("The form has expired");

        HttpHeaders gpc = new HttpHeaders();
        gpc.add("Sec-GPC", "1");
        String page = http.exchange("/privacy/request", HttpMethod.GET, new HttpEntity<>(gpc), String.class).getBody();
        assertThat(page).contains("Global Privacy Control")
                .containsPattern("value=\"OPT_OUT_OF_SALE\"\\s+checked")
                .containsPattern("value=\"US-CA\"\\s+selected");
        assertThat(http.getForEntity("/privacy/request", String.class).getBody())
                .doesNotContain("Global Privacy Control").doesNotContainPattern("checked");
    }

    private List<Map<String, String>> questionsOf(String reference) {
        return jdbc.sql("""
                SELECT q.question, q.answer FROM identity_question q JOIN dsar_request r ON r.id = q.request_id
                WHERE r.reference = :reference ORDER BY q.asked_at""")
                .param("reference", reference)
                .query((rs, row) -> Map.of("question", rs.getString(1), "answer", rs.getString(2))).list();
    }

    /** Posts an answer to the information form as a browser would, with a fresh form token. */
    private ResponseEntity<String> postAnswer(String informationLink, String answer) {
        ResponseEntity<String> page = http.getForEntity(relative(informationLink), String.class);
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String formToken = page.getBody().replaceAll("(?s).*name=\"formToken\" value=\"([0-9a-f]+)\".*", "$1");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("formToken", formToken);
        form.add("answer", answer);
        return http.postForEntity(relative(informationLink), new HttpEntity<>(form, headers), String.class);
    }

    /** An access request made and confirmed through the API: the status link of its acknowledgement. */
    private String verifiedRequestStatusLink(String name, String jurisdiction) {
        String email = uniqueEmail(name);
        String reference = submitAndVerify(email, """
                {"type": "ACCESS", "jurisdiction": "%s", "email": "%s", "fullName": "Test Requester"}"""
                .formatted(jurisdiction, email));
        return linkIn(awaitMail(email, reference + ": we have received"), "/status");
    }

    private static String referenceIn(String statusLink) {
        return statusLink.replaceAll(".*/api/requests/([^/]+)/status.*", "$1");
    }

    /** Moves the expiry of the request's rows in the table (a token, a code, a package) into the past. */
    private void expireAll(String table, String reference) {
        jdbc.sql("UPDATE " + table + " SET expires_at = :past WHERE request_id = "
                        + "(SELECT id FROM dsar_request WHERE reference = :reference)")
                .param("past", Timestamp.from(Instant.now().minusSeconds(60))).param("reference", reference).update();
    }

    /** The latest of {@code count} mails to the address with this subject, once that many arrived. */
    private static ReceivedMail awaitMailCount(String address, String subjectPart, int count) {
        for (int i = 0; i < 100; i++) {
            List<ReceivedMail> matching = mailsTo(address).stream()
                    .filter(mail -> mail.subject().contains(subjectPart)).toList();
            if (matching.size() >= count) {
                return matching.get(matching.size() - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(count + " mails \"" + subjectPart + "\" to " + address + " did not arrive");
    }

    private List<String> eventsOf(String reference) {
        return jdbc.sql("""
                SELECT e.event_type FROM request_event e JOIN dsar_request r ON r.id = e.request_id
                WHERE r.reference = :reference ORDER BY e.occurred_at""")
                .param("reference", reference).query(String.class).list();
    }
}
