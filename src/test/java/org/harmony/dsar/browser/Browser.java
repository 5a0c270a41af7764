package org.harmony.dsar.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's {@code chromium}, headless) driven through Debian's {@code chromedriver}, with axe-core
 * (vendored under {@code src/test/resources/axe}) for accessibility checks in the same browser. Nothing is
 * downloaded: {@code .ci/run} installs both packages when they are missing. For any browser test, the privacy
 * center's or Tasklist's.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("dsar.test.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("dsar.test.chromedriver", "/usr/bin/chromedriver");
    /** axe-core's rules for WCAG 2.0 and 2.1, levels A and AA, and its best practices. */
    private static final String AXE_TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']";

    private final ChromeDriver driver;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** A new headless browser whose preferred language is {@code acceptLanguage} (for example "de-DE,de"). */
    public static Browser start(String acceptLanguage) {
        try {
            Path downloads = Files.createTempDirectory("browser-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,1000", "--lang=" + acceptLanguage.split(",")[0]);
            options.setExperimentalOption("prefs", Map.of(
                    "intl.accept_languages", acceptLanguage,
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    /** The element once the page shows it (after a page change started by a key press, for example). */
    public WebElement await(String cssSelector) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
    }

    public String text(String cssSelector) {
        return find(cssSelector).getText();
    }

    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    public void click(String cssSelector) {
        find(cssSelector).click();
    }

    /** Clicks what sends a form or follows a link, and waits until the next page has replaced this one. */
    public void clickAndWait(String cssSelector) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(cssSelector).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> replaced(page));
    }

    /**
     * Whether the page's root element is gone. Chromium answers a call on a node of a document it is just replacing
     * with "Node with given id does not belong to the document" rather than a stale element: that is gone too.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The file the browser downloaded under this name, once it is complete. */
    public Path awaitDownload(String fileName) {
        Path file = downloads.resolve(fileName);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    /**
     * The serious and critical violations axe-core finds on the current page (rule, impact, elements); an empty list
     * when there are none.
     */
    public List<String> seriousAccessibilityViolations() {
        driver.executeScript(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: %s}})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
                      help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))))
                  .catch(e => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])));
                """.formatted(AXE_TAGS));
        try {
            List<Map<String, Object>> violations = new ObjectMapper().readValue(String.valueOf(result),
                    new TypeReference<>() { });
            List<String> serious = new ArrayList<>();
            for (Map<String, Object> violation : violations) {
                if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                    serious.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
                            + " at " + violation.get("nodes"));
                }
            }
            return serious;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from src/test/resources/axe");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
