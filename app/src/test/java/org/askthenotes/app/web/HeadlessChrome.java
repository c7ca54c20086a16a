package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium and its driver, as every page test starts them. */
final class HeadlessChrome {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChrome() {
    }

    /**
     * Skips the calling test class when the browser is missing; CI sets ATN_REQUIRE_BROWSER so a missing browser
     * fails there instead of skipping unnoticed. Call it before starting servers, which a skip would waste.
     */
    static void requirePresent() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "headless Chromium needs /usr/bin/chromium and /usr/bin/chromedriver"
                + " (apt-get install chromium chromium-driver; .ci/run installs them)";
        if ("true".equals(System.getenv("ATN_REQUIRE_BROWSER"))) {
            assertTrue(present, missing);
        }
        Assumptions.assumeTrue(present, "skipped: " + missing);
    }

    /** A desktop-sized window in English; tests resize it for the phone layout. */
    static ChromeDriver start() {
        // Selenium Manager would otherwise try to download a driver.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=en-US");
        return new ChromeDriver(options);
    }
}
