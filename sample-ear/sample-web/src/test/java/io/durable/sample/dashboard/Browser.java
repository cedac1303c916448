package io.durable.sample.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Debian's headless Chromium through Debian's chromedriver (both named explicitly, so Selenium
 * Manager never downloads anything), with the waits the dashboard test needs. One browser per user,
 * so each has its own session storage.
 */
final class Browser implements AutoCloseable {

    /** How long the page may take to show what the test waits for (a refresh is every 2 s). */
    static final Duration UI = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String dashboard;

    /**
     * Starts a browser.
     *
     * @param dashboard the dashboard's URL, ending in {@code /}
     * @param port      a free loopback port for chromedriver
     */
    Browser(String dashboard, int port) {
        this.dashboard = dashboard;
        File chromium = executable("chromium.binary", "/usr/bin/chromium");
        File chromedriver = executable("chromedriver.binary", "/usr/bin/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingPort(port)
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                // root in a container has no user namespace for the sandbox; /dev/shm may be small
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1440,1400", "--lang=en-GB", "--no-first-run", "--disable-extensions",
                        "--disable-background-networking", "--disable-sync", "--disable-component-update");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
    }

    private static File executable(String property, String fallback) {
        File file = new File(System.getProperty(property, fallback));
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: install Debian's chromium and chromium-driver "
                    + "(.ci/run does), or point -D" + property + " at them");
        }
        return file;
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a dashboard route, for example {@code #/runs}. */
    void open(String route) {
        driver.get(dashboard + route);
    }

    /** Logs in through the dashboard's form and waits for the runs list. */
    void login(String user, String password) {
        open("#/runs");
        type(byTestId("login-user"), user);
        type(byTestId("login-password"), password);
        click(byTestId("login-submit"));
        visible(byTestId("whoami"));
    }

    static By byTestId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void invisible(By by) {
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Clicks the element once it is shown and enabled, finding it again if a refresh replaced it. */
    void click(By by) {
        waitUntil(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** The {@code data-*} values of every element the selector finds, in page order. */
    List<String> data(By by, String attribute) {
        return waitUntil(d -> d.findElements(by).stream().map(e -> e.getDomAttribute("data-" + attribute)).toList());
    }

    void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the element's text contains the given text. */
    WebElement textContains(By by, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return waitUntil(UI, condition);
    }

    <T> T waitUntil(Duration atMost, Function<? super WebDriver, T> condition) {
        // the page refreshes every few seconds: an element found a moment ago may have been replaced
        return new WebDriverWait(driver, atMost, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that calls its last argument with its result (within the script timeout, 30 s). */
    Object asyncScript(String script) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script);
    }

    /** Confirms the open dialog. */
    void confirm() {
        visible(byTestId("confirm-dialog"));
        click(byTestId("dialog-confirm"));
    }

    /**
     * Saves a screenshot of the window.
     *
     * @param folder where
     * @param name   file name without extension
     * @return the file
     */
    Path screenshot(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Saves what the page shows (screenshot and DOM) when a test failed, for the test report. */
    void evidence(Path folder, String name) {
        try {
            screenshot(folder, name);
            Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // the test failed already; its own error is what matters
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
