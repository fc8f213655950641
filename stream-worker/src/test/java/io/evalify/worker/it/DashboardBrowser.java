package io.evalify.worker.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded at run time. Each
 * browser gets a fresh profile directory. Without {@code /usr/bin/chromium} the tests fail on CI (which installs
 * it) and are skipped, with the reason, anywhere else.
 */
final class DashboardBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private DashboardBrowser() {}

    /** Fails on CI, skips elsewhere, when the browser or its driver is not installed. */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("CI must install Debian's chromium and chromium-driver (.ci/run does): " + CHROMIUM
                    + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(
                present, "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are not installed");
    }

    /** A new browser, 1280×800, with a fresh profile under {@code profileParent}. */
    static ChromeDriver open(Path profileParent) throws IOException {
        var profile = Files.createTempDirectory(Files.createDirectories(profileParent), "chromium-");
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,800",
                        "--user-data-dir=" + profile.toAbsolutePath());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Saves a screenshot as {@code target/dashboard-screenshots/<name>.png} and, when the system property
     * {@code evalify.dashboard.screenshots} names a directory (e.g. {@code docs/images}), there too.
     */
    static void screenshot(ChromeDriver driver, String name) throws IOException {
        var png = driver.getScreenshotAs(OutputType.FILE).toPath();
        var dir = Files.createDirectories(Path.of("target", "dashboard-screenshots"));
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        var docs = System.getProperty("evalify.dashboard.screenshots");
        if (docs != null && !docs.isBlank()) {
            Files.copy(
                    png,
                    Files.createDirectories(Path.of(docs)).resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
