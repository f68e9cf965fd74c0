package org.customersegmentation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Opens a report in headless Chromium (Debian's chromium and chromium-driver packages) through its reportUrl, as
 * a person would: every section and chart must render, the console must stay clean, and a screenshot is saved to
 * target/report-screenshot.png. Without Chromium the test is skipped, unless REPORT_BROWSER_REQUIRED=true (which
 * .ci/run sets), when a missing browser fails it.
 */
@EndToEndTest
class ReportBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final List<String> SECTIONS = List.of("summary", "segments", "metrics", "k-selection", "pictures", "dataset",
            "preprocessing");

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String missing = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + ") is not installed";
            assertThat(Boolean.parseBoolean(System.getenv("REPORT_BROWSER_REQUIRED")))
                    .as(missing + ", and REPORT_BROWSER_REQUIRED=true").isFalse();
            Assumptions.abort(missing + "; skipping the browser test (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReportRendersEverySectionAndChartWithACleanConsole() throws IOException {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        String datasetId = acme.uploadDataset("browser", CustomerGroups.generate(8, new int[] {40, 25, 15}, 0).csv());
        String jobId = acme.startJob("{\"datasetId\": \"%s\", \"kRange\": {\"min\": 2, \"max\": 5}}".formatted(datasetId));
        acme.awaitFinished(jobId);
        String reportUrl = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("reportUrl").asString();

        browser.get(reportUrl);

        assertThat(browser.getTitle()).isEqualTo("Customer segments: browser");
        for (String section : SECTIONS) {
            WebElement element = browser.findElement(By.id(section));
            assertThat(element.isDisplayed()).as(section).isTrue();
            assertThat(element.getSize().getHeight()).as(section + " height").isGreaterThan(40);
        }
        List<WebElement> charts = browser.findElements(By.cssSelector("figure svg"));
        assertThat(charts).as("histograms, correlations, k selection, scatter, profiles, box plots, sizes").hasSize(7);
        for (WebElement chart : charts) {
            assertThat(chart.getSize().getWidth()).isGreaterThan(300);
            assertThat(chart.getSize().getHeight()).isGreaterThan(150);
            assertThat(chart.findElements(By.tagName("text"))).as("a chart with readable text").isNotEmpty();
        }
        WebElement boxplots = browser.findElement(By.xpath(
                "//figure[.//*[local-name()='text' and contains(., 'How each feature spreads')]]//*[local-name()='svg']"));
        assertThat(boxplots.isDisplayed()).isTrue();
        assertThat(boxplots.getSize().getHeight()).as("box plots height").isGreaterThan(150);
        for (String feature : CustomerGroups.FEATURES) {
            assertThat(boxplots.findElements(By.xpath(".//*[local-name()='text' and normalize-space(.)='" + feature
                    + "']"))).as("a panel for " + feature).isNotEmpty();
        }
        Long drawnResources = (Long) ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').length");
        assertThat(drawnResources).as("requests the page made after loading").isZero();
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("console warnings and errors").isEmpty();

        File screenshot = browser.getScreenshotAs(OutputType.FILE);
        Path saved = Path.of("target", "report-screenshot.png");
        Files.createDirectories(saved.getParent());
        Files.copy(screenshot.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(saved)).isGreaterThan(10_000);
    }
}
