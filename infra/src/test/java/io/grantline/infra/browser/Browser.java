package io.grantline.infra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, driven through Debian's chromedriver: nothing is downloaded at run time. Finds controls the way a
 * person does, by their label and their button text, so a control without a label cannot be used here either.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension LAPTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    /** A duration as ISO ({@code PT2H}, {@code P1D}) or an instant as ISO: never shown to a person. */
    private static final Pattern RAW = Pattern.compile("\\bP(T\\d+[HMS]|\\d+D)\\b|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;
    private final Path screenshots;

    Browser(int port, Path downloads, Path screenshots) throws IOException {
        this.base = "http://127.0.0.1:" + port;
        this.downloads = downloads;
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("grantline-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        size(LAPTOP);
    }

    static String whyNotHere() {
        if (!Files.isExecutable(CHROMIUM)) {
            return "Browser suite skipped: " + CHROMIUM + " is missing (apt-get install -y chromium chromium-driver)";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return "Browser suite skipped: " + CHROMEDRIVER + " is missing (apt-get install -y chromium-driver)";
        }
        return null;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** The control a label names; its own text, before any hint, is the name. */
    WebElement field(String label) {
        WebElement element = driver.findElement(By.xpath("//label[normalize-space(text()[1])='" + label + "']"));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    void type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
    }

    void chooseContaining(String label, String part) {
        Select select = new Select(field(label));
        select.getOptions().stream().filter(o -> o.getText().contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no option with '" + part + "' in " + label)).click();
    }

    WebElement button(String text) {
        return driver.findElement(By.xpath("//button[normalize-space(.)='" + text + "']"));
    }

    void press(String text) {
        navigating(() -> button(text).click());
    }

    void follow(String linkText) {
        navigating(() -> driver.findElement(By.linkText(linkText)).click());
    }

    /**
     * Clicks that submit a form or follow a link load a new page: wait until the old one is gone, so the next read sees
     * the new page, not a stale or half-replaced one. A click that loads nothing simply goes on after the wait.
     */
    private void navigating(Runnable click) {
        WebElement before = driver.findElement(By.tagName("html"));
        click.run();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(gone(before));
        } catch (TimeoutException noNewPage) {
            // the click changed the page in place, or not at all
        }
    }

    /** Whether {@code element} belongs to a page that has been replaced. */
    private static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                if (replacedPage(e)) {
                    return true;
                }
                throw e;
            }
        };
    }

    /**
     * Whether the failure says the element's page was replaced: a stale element reference, or as Chromium 156.0.8078.114
     * answers a node of a replaced document, "Node with given id does not belong to the document".
     */
    private static boolean replacedPage(WebDriverException e) {
        return e instanceof StaleElementReferenceException || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    WebElement within(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (WebDriverException e) {
                if (!replacedPage(e) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    void signIn(String username, String password) {
        open("/login");
        type("Username", username);
        type("Password", password);
        press("Sign in");
    }

    void signOut() {
        driver.findElement(By.xpath("//button[starts-with(normalize-space(.), 'Sign out')]")).click();
    }

    /** Everything on the page in words: no ISO duration or instant in what a person reads. */
    void assertPlainWords() {
        assertThat(RAW.matcher(text()).find()).as("raw ISO value on %s:%n%s", path(), text()).isFalse();
    }

    /** Nothing wider than the window: no sideways scrolling. */
    void assertNoSidewaysScrolling() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("sideways overflow on %s", path()).isLessThanOrEqualTo(0);
    }

    /** Every visible form control has a label, and focus shows a ring. */
    void assertControlsLabelled() {
        Object unlabelled = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                  .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')).map(c => c.name);""");
        assertThat((List<?>) unlabelled).as("controls without a label on %s", path()).isEmpty();
    }

    /** Tabbing to the first control shows a visible focus ring. */
    void assertFocusRing() {
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        Object outline = ((JavascriptExecutor) driver).executeScript(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertThat(String.valueOf(outline)).as("focus ring on %s", path()).doesNotStartWith("none").doesNotEndWith(" 0px");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path downloads() {
        return downloads;
    }

    void refresh() {
        driver.navigate().refresh();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
