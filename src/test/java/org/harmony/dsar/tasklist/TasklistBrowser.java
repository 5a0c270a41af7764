package org.harmony.dsar.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}) on the Camunda webapps of a running
 * engine, for the Tasklist journeys: log in, find a task in a filter, fill and submit Camunda Forms. A screenshot of
 * the page is written to {@code target/tasklist-browser/} when {@link #close()} runs after a failure is recorded.
 */
public final class TasklistBrowser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("dsar.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("dsar.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    private TasklistBrowser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Whether this machine has the browser; journeys are skipped where it has not. */
    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    /** A fresh browser (no cookies) in the given language ({@code en}, {@code de}). */
    public static TasklistBrowser open(String baseUrl, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1200", "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        return new TasklistBrowser(new ChromeDriver(service, options), baseUrl);
    }

    /** Logs in to Tasklist and waits for its header. */
    public TasklistBrowser logIn(String user, String password) {
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/login");
        By username = By.cssSelector("input[ng-model='username']");
        By secret = By.cssSelector("input[ng-model='password']");
        // The login view renders twice while Tasklist starts: type once it has settled, and check what it holds.
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement name = driver.findElement(username);
            WebElement pass = driver.findElement(secret);
            if (!name.isDisplayed() || !pass.isDisplayed()) {
                return false;
            }
            name.click();
            name.clear();
            name.sendKeys(user);
            pass.click();
            pass.clear();
            pass.sendKeys(password);
            return user.equals(name.getDomProperty("value")) && password.equals(pass.getDomProperty("value"));
        });
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .brand-name")));
        return this;
    }

    /** The login page's button, in the language Tasklist chose for this browser. */
    public String loginButtonText() {
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/login");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm'] button[type='submit']"))).getText().strip();
    }

    public String brandName() {
        return driver.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText();
    }

    /** Whether any element of Camunda's "time to migrate" banner is visible. */
    public boolean vendorBannerVisible() {
        return driver.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed)
                || driver.findElement(By.tagName("body")).getText().contains("Camunda 8");
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Selects a filter by its name in the left column. */
    public TasklistBrowser selectFilter(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(normalize-space(), \"" + name
                        + "\")]")))
                .click();
        return this;
    }

    /** The task list entry whose text contains {@code text}, once the list shows it. */
    public WebElement taskInList(String text) {
        By entry = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][contains(., '" + text
                + "')]");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(entry));
    }

    /** Opens a task from the list and waits for its Camunda Form. */
    public TasklistBrowser openTask(String text) {
        taskInList(text).findElement(By.cssSelector("h4.task a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        return this;
    }

    /** The link of the open form whose text contains {@code text}. */
    public WebElement formLink(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-form')]//a[contains(., '" + text + "')]")));
    }

    /**
     * GETs a URL from inside the page, with the browser's cookies (as a click on a link does): the status, the content
     * type and the first characters of the body.
     */
    public String fetchFromPage(String url) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' '
                      + t.substring(0, 2000))))
                  .catch(e => done('error ' + e));
                """, url);
        return String.valueOf(answer);
    }

    /** Opens a URL in this browser (its session) and returns the page's text. */
    public String pageText(String url) {
        driver.get(url);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body"))).getText();
    }

    /** Claims the open task (Tasklist keeps a task's form read-only until it is claimed). */
    public TasklistBrowser claim() {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        return this;
    }

    public TasklistBrowser chooseRadio(String label) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-form')]//label[contains(normalize-space(), \"" + label + "\")]"))));
        return this;
    }

    /** Scrolls an element to the middle of the window (clear of Tasklist's footer) and clicks it. */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Picks an option of a Camunda Forms select (a drop-down list, not a native select) by its label. */
    public List<String> pickFromSelect(String fieldLabel, String optionText) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-form-field-select')][.//label[contains(normalize-space(), \"" + fieldLabel
                        + "\")]]")));
        click(field.findElement(By.cssSelector(".fjs-input-group")));
        List<WebElement> options = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(field,
                By.cssSelector(".fjs-dropdownlist-item")));
        List<String> texts = options.stream().map(option -> option.getAttribute("textContent").strip()).toList();
        WebElement picked = options.stream().filter(option -> option.getAttribute("textContent").contains(optionText))
                .findFirst().orElseThrow(() -> new AssertionError("No option '" + optionText + "' in " + texts));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'nearest'});", picked);
        wait.until(ExpectedConditions.elementToBeClickable(picked)).click();
        return texts;
    }

    /** Ticks a checklist option by its label. */
    public TasklistBrowser tick(String fieldLabel, String optionLabel) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-form-field-checklist')][.//label[contains(normalize-space(), \"" + fieldLabel
                        + "\")]]//label[contains(normalize-space(), \"" + optionLabel + "\")]"))));
        return this;
    }

    public TasklistBrowser type(String fieldLabel, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(), \"" + fieldLabel
                        + "\")]]//*[self::input or self::textarea]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks Tasklist's "Complete" (task) or "Start" (start form) button and waits until the form is gone. */
    public TasklistBrowser submit(String button) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//button[normalize-space()='" + button + "']"))));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
        return this;
    }

    /** Opens Tasklist's "Start process" dialog and the start form of the process with this name. */
    public TasklistBrowser startProcess(String processName) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a, "
                + "[cam-tasklist-navbar-action-start-process] a"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'modal')]//a[contains(normalize-space(), \"" + processName + "\")]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
        return this;
    }

    /** The texts of the notifications Tasklist shows (errors of a refused submission, confirmations). */
    public String notifications() {
        return driver.findElements(By.cssSelector(".notifications-panel, .alert")).stream()
                .map(WebElement::getText).reduce("", (a, b) -> a + " | " + b);
    }

    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "tasklist-browser"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
