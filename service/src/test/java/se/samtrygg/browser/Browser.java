package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samtrygg.support.TestServer;

/**
 * A headless Chromium (Debian's chromium and chromium-driver) pointed at a started server, with
 * the few things a test does on a page: go, fill in, choose, press, read, and check the page with
 * axe-core (WCAG 2.1 A and AA) and for horizontal scrolling. Never skipped: without Chromium the
 * tests fail and say how to get it.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(15);

    private final TestServer server;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(TestServer server, ChromeDriver driver, Path profile) {
        this.server = server;
        this.driver = driver;
        this.profile = profile;
    }

    /** A desktop-sized window. */
    public static Browser open(TestServer server) {
        return open(server, 1280, 900);
    }

    public static Browser open(TestServer server, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests need Debian's Chromium at " + CHROMIUM + " and its driver at "
                    + CHROMEDRIVER + ". Run .ci/run as root, or install them: "
                    + "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver");
        }
        // The driver is given explicitly so that Selenium Manager never looks for one on the network.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("samtrygg-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriver driver = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(server, driver, profile);
    }

    // Going places

    public Browser go(String path) {
        driver.get(server.url(path));
        return this;
    }

    /** The path of the page shown, with its query. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.substring(server.url("").length());
    }

    /** Follows a link by its visible text, as a person would click it. */
    public Browser clickLink(String text) {
        return navigatingBy(() -> driver.findElement(By.linkText(text)).click());
    }

    /** Presses a button by its visible text (the first one, in page order). */
    public Browser press(String text) {
        WebElement button = driver.findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\" on " + path() + ": " + buttonTexts()));
        return navigatingBy(button::click);
    }

    // Filling in forms; fields are found by their label, which also proves that they have one.

    public Browser fill(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /**
     * Types a date as a person does in this browser: Chromium's date field takes day, month and year in
     * the order of its own locale (month first in Debian's en-US build), whatever the page's language,
     * and ignores separators typed into it. The field must then hold the date, so a mistyped one fails here.
     */
    public Browser fillDate(String label, LocalDate date) {
        String order = (String) script("return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 10, 22))"
                + ".filter(p => ['year', 'month', 'day'].includes(p.type)).map(p => p.type.charAt(0)).join('');");
        StringBuilder keys = new StringBuilder();
        for (char part : order.toCharArray()) {
            keys.append(switch (part) {
                case 'y' -> String.format("%04d", date.getYear());
                case 'm' -> String.format("%02d", date.getMonthValue());
                default -> String.format("%02d", date.getDayOfMonth());
            });
        }
        WebElement field = field(label);
        field.clear();
        field.sendKeys(keys);
        assertThat(field.getDomProperty("value")).as("the date typed into \"%s\" as %s (%s)", label, keys, order)
                .isEqualTo(date.toString());
        return this;
    }

    /**
     * Types a time as a person does in this browser: Chromium's time field follows its own locale, so in
     * Debian's en-US build it has hour (1–12), minute and AM/PM, and "21:00" typed as text leaves it empty.
     * The field must then hold the time, so a mistyped one fails here.
     */
    public Browser fillTime(String label, LocalTime time) {
        boolean twelveHours = Boolean.TRUE.equals(script(
                "return new Intl.DateTimeFormat(navigator.language, {hour: 'numeric'}).resolvedOptions().hour12 === true;"));
        String keys = twelveHours
                ? String.format("%02d%02d%s", (time.getHour() + 11) % 12 + 1, time.getMinute(), time.getHour() < 12 ? "A" : "P")
                : String.format("%02d%02d", time.getHour(), time.getMinute());
        WebElement field = field(label);
        field.clear();
        field.sendKeys(keys);
        assertThat(field.getDomProperty("value")).as("the time typed into \"%s\" as %s", label, keys)
                .isEqualTo(String.format("%02d:%02d", time.getHour(), time.getMinute()));
        return this;
    }

    public Browser choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
        return this;
    }

    public Browser tick(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    public Browser untick(String label) {
        WebElement box = field(label);
        if (box.isSelected()) {
            box.click();
        }
        return this;
    }

    public boolean ticked(String label) {
        return field(label).isSelected();
    }

    /** Fills in a field within the fieldset of this legend, for forms that repeat a label per group (agenda points, minutes). */
    public Browser fillIn(String group, String label, String value) {
        WebElement field = field(fieldset(group), label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public Browser chooseIn(String group, String label, String option) {
        new Select(field(fieldset(group), label)).selectByVisibleText(option);
        return this;
    }

    public Browser tickIn(String group, String label) {
        WebElement box = field(fieldset(group), label);
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    public String valueIn(String group, String label) {
        return field(fieldset(group), label).getDomProperty("value");
    }

    public String valueOf(String label) {
        return field(label).getDomProperty("value");
    }

    /** Turns the same session into another screen size, to look at pages already visited on a phone. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    // Reading what is shown

    public String heading() {
        return text("h1");
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().strip();
    }

    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** The text of each row of the page's table body, cells separated by " | ". */
    public List<String> tableRows() {
        return driver.findElements(By.cssSelector("table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip())
                        .collect(Collectors.joining(" | ")))
                .toList();
    }

    public String attribute(String css, String name) {
        return driver.findElement(By.cssSelector(css)).getDomAttribute(name);
    }

    // Checks

    /** axe-core over the whole page for WCAG 2.1 A and AA; a failure lists each violation and where it is. */
    public Browser assertAccessible(String what) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.getError() != null || results.getErrorMessage() != null) {
            throw new AssertionError("axe could not check " + what + " (" + path() + "): " + results.getErrorMessage(),
                    results.getError());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("axe found " + violations.size() + " kind(s) of WCAG 2.1 AA violation on " + what
                    + " (" + path() + "):\n" + describe(violations));
        }
        return this;
    }

    /** On a narrow screen, nothing may make the whole page scroll sideways (WCAG 1.4.10 Reflow). */
    public Browser assertNoHorizontalScroll(String what) {
        Number scrollWidth = (Number) script("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) script("return window.innerWidth;");
        assertThat(scrollWidth.longValue()).as("page width of %s (%s) in a window %s px wide; widest elements: %s",
                what, path(), innerWidth, widestElements(innerWidth.longValue())).isLessThanOrEqualTo(innerWidth.longValue());
        return this;
    }

    /** The page as Chromium prints it (Selenium's print command), as the bytes of a PDF. */
    public byte[] printToPdf() {
        return java.util.Base64.getDecoder().decode(((PrintsPage) driver).print(new PrintOptions()).getContent());
    }

    /** A computed style of the first element matching {@code css} while the print stylesheet applies (emulated print media). */
    public String styleWhenPrinted(String css, String property) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            return (String) ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]);", css, property);
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    public long viewportWidth() {
        return ((Number) script("return window.innerWidth;")).longValue();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    /**
     * Runs an action that loads another page and waits until that page is there: the old document is
     * marked first, and the wait ends when a complete document without the mark is shown. Errors while
     * the documents change over are expected and ignored.
     */
    private Browser navigatingBy(Runnable action) {
        script("document.documentElement.dataset.leaving = 'true';");
        action.run();
        new WebDriverWait(driver, PAGE_LOAD).ignoring(WebDriverException.class).until(d -> (Boolean) script(
                "return document.readyState === 'complete' && document.documentElement.dataset.leaving === undefined;"));
        return this;
    }

    private WebElement field(String label) {
        return field(driver.findElement(By.tagName("html")), label);
    }

    private WebElement field(WebElement scope, String label) {
        WebElement labelElement = scope.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no field labelled \"" + label + "\" on " + path()));
        String id = labelElement.getDomAttribute("for");
        try {
            return driver.findElement(By.id(id));
        } catch (NoSuchElementException e) {
            throw new AssertionError("the label \"" + label + "\" on " + path() + " points at no field (for=" + id + ")", e);
        }
    }

    private WebElement fieldset(String legend) {
        return driver.findElements(By.tagName("fieldset")).stream()
                .filter(f -> f.findElements(By.xpath("./legend")).stream().anyMatch(l -> l.getText().strip().equals(legend)))
                .findFirst().orElseThrow(() -> new AssertionError("no group of fields \"" + legend + "\" on " + path()));
    }

    private List<String> buttonTexts() {
        return driver.findElements(By.tagName("button")).stream().map(b -> b.getText().strip()).toList();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    private String widestElements(long viewport) {
        Object found = ((JavascriptExecutor) driver).executeScript("""
                const limit = arguments[0];
                return Array.from(document.querySelectorAll('body *'))
                  .filter(e => e.getBoundingClientRect().right > limit)
                  .slice(0, 5)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                            + ' right=' + Math.round(e.getBoundingClientRect().right));
                """, viewport);
        return String.valueOf(found);
    }

    private static String describe(List<Rule> violations) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : violations) {
            text.append("- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ").append(rule.getHelp())
                    .append(" ").append(rule.getHelpUrl()).append('\n');
            for (CheckedNode node : rule.getNodes()) {
                text.append("    at ").append(node.getTarget()).append(": ").append(node.getHtml()).append('\n');
                if (node.getFailureSummary() != null) {
                    text.append("       ").append(node.getFailureSummary().replace("\n", "\n       ")).append('\n');
                }
            }
        }
        return text.toString();
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile harms nothing
        }
    }
}
