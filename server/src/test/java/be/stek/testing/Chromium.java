package be.stek.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for pages that need modern JavaScript (the SCORM player): Debian's Chromium, headless, with a fresh
 * profile. Without Chromium the test is skipped with a message, unless {@code STEK_REQUIRE_CHROMIUM=1} (CI), where
 * that is a failure.
 */
public final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MISSING = "Chromium not found: install Debian's chromium and chromium-driver";

    private final TestServer server;
    private final ChromeDriver driver;
    private final Path profile;
    private String home;

    private Chromium(TestServer server, ChromeDriver driver, Path profile) {
        this.server = server;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium, or skips the test (fails it in CI) when it is not installed. */
    public static Chromium start(TestServer server) {
        return start(server, new String[0]);
    }

    /** Chromium with extra command-line switches, such as {@code --ignore-certificate-errors} for a test's stub. */
    public static Chromium start(TestServer server, String... switches) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "1".equals(System.getenv("STEK_REQUIRE_CHROMIUM"))) {
            throw new AssertionError(MISSING + " (STEK_REQUIRE_CHROMIUM=1)");
        }
        Assumptions.assumeTrue(present, MISSING);
        try {
            Path profile = Files.createTempDirectory("stek-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--no-first-run", "--user-data-dir=" + profile,
                    "--window-size=1200,900");
            options.addArguments(switches);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Chromium(server, driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(server.url(path));
    }

    /**
     * Opens {@code path} in a new tab the way a page would ({@code window.open}), so that {@link #closeTab()} can close
     * it the way a person does: with beforeunload, pagehide and unload in every frame.
     */
    public void openTab(String path) {
        String home = driver.getWindowHandle();
        java.util.Set<String> before = driver.getWindowHandles();
        driver.switchTo().defaultContent();
        driver.executeScript("window.open(arguments[0], '_blank');", server.url(path));
        String tab = await(d -> d.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElse(null));
        driver.switchTo().window(tab);
        this.home = home;
    }

    /** Closes the tab opened with {@link #openTab} and goes back to the tab it was opened from. */
    public void closeTab() {
        String tab = driver.getWindowHandle();
        driver.switchTo().defaultContent();
        driver.executeScript("window.close();");
        await(d -> !d.getWindowHandles().contains(tab));
        driver.switchTo().window(home);
    }

    /** Signs in through the login form. */
    public void signIn(String email) {
        open("/login");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(TestServer.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        await(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits (up to 20 s) until the condition holds, and returns its value. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    public WebElement find(By by) {
        return await(d -> d.findElements(by).isEmpty() ? null : d.findElement(by));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
