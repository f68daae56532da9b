package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The console in a real browser (headless Chromium through Selenium): an operator signs in, sees the routes, sees
 * the dead letter a failing one-stop system caused, replays it once the system is back, and sees it delivered.
 * Skipped, with the reason, where Chromium is not installed ({@code apt-get install -y chromium chromium-driver}).
 */
class ConsoleBrowserProofIT extends HubIntegrationTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    /**
     * Selenium warns (java.util.logging, also before Spring bridges it to the log) that it has no DevTools support
     * for the installed Chromium's version: this test uses WebDriver only. Held here, as a JUL logger's level lives
     * only as long as the logger object.
     */
    static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): browser tests skipped; "
                        + "install with apt-get install -y chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // A click that submits a form returns before the answer page is there: look for elements a while.
        browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(10));
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorReplaysADeadLetterAndTheDossierIsDelivered() {
        String base = hub.baseUrl();
        browser.manage().deleteAllCookies();

        // Every page asks for the login first.
        browser.get(base + "/console/routes");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.findElement(By.id("username")).sendKeys("operator");
        browser.findElement(By.id("password")).sendKeys("demo-operator-pass");
        browser.findElement(By.id("login-submit")).click();

        // The routes, with the one-stop delivery started.
        browser.get(base + "/console/routes");
        WebElement route = browser.findElement(By.id("route-dossier-delivery-to-onestop"));
        assertThat(route.getText()).contains("dossier-delivery-to-onestop").contains("Đang chạy");
        screenshot("1-routes");

        // The one-stop system refuses dossiers: the delivery ends in the dead-letter queue.
        onestop.injectFaults(new Faults(1.0, 400, null, null, null));
        String code = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("BROWSER")))
                .json().get("dossierCode").asText();
        eventually().ignoreExceptions().until(() -> { // the queue's row appears with its first dead letter
            browser.get(base + "/console/queues");
            return !browser.findElement(By.id("queue-" + ConsoleAccessIT.DLQ))
                    .findElement(By.className("depth")).getText().equals("0");
        });
        screenshot("2-queues");
        browser.findElement(By.id("browse-" + ConsoleAccessIT.DLQ)).click();
        WebElement letter = browser.findElement(By.cssSelector("tr.letter[data-dossier='" + code + "']"));
        assertThat(letter.getText()).contains("HTTP 400").contains("dossier-delivery-to-onestop");
        letter.findElement(By.tagName("summary")).click();
        String payload = letter.findElement(By.tagName("pre")).getText();
        assertThat(payload).contains("002*******45").contains("N. T. H.").doesNotContain("Nguyễn Thị Hoà")
                .doesNotContain("0912345678");
        screenshot("3-dead-letter");

        // The system is back: the operator replays the message and it is delivered, once.
        onestop.clearFaults();
        String messageId = letter.findElement(By.name("messageId")).getDomProperty("value");
        letter.findElement(By.cssSelector("button.replay")).click();
        var confirmation = browser.switchTo().alert();
        assertThat(confirmation.getText()).isEqualTo("Gửi lại 1 tin của hồ sơ " + code + " tới lgsp.onestop.dossier?");
        confirmation.accept();
        assertThat(browser.findElement(By.id("done")).getText()).contains("1");
        eventually().until(() -> onestop.receivedLog().get(code) != null);
        eventually().until(() -> deliveredTo(code, "onestop"));
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("input[name='messageId'][value='" + messageId + "']"))).isEmpty();

        // The trace shows the whole story, and the audit who replayed it.
        browser.get(base + "/console/trace");
        browser.findElement(By.id("trace-code")).sendKeys(code);
        browser.findElement(By.id("trace-search")).click();
        // Each trail row is marked with its kind (the page shows the kind in words, in the page's language).
        List<String> kinds = browser.findElements(By.cssSelector("#trail tbody tr")).stream()
                .map(row -> row.getAttribute("class")).toList();
        assertThat(kinds).contains("RECEIVED", "DEAD_LETTERED", "DEAD_LETTER_REPLAYED", "DELIVERED");
        assertThat(kinds.indexOf("DEAD_LETTER_REPLAYED")).isLessThan(kinds.lastIndexOf("DELIVERED"));
        assertThat(browser.findElement(By.id("trail")).getText()).contains("Tiếp nhận", "Vào hàng đợi lỗi",
                "Gửi lại tin lỗi", "Đã chuyển đến");
        screenshot("4-trace");
        browser.get(base + "/console/audit");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("operator").contains("Gửi lại tin lỗi")
                .contains(code);
        browser.get(base + "/console/indicators?lang=en");
        assertThat(browser.findElement(By.id("indicator-1-4")).getText()).contains("1.4 Sync rate");
        assertThat(browser.findElements(By.cssSelector("#chart polyline"))).isNotEmpty();
        screenshot("5-indicators");
    }

    /** The id of the dead letter of a dossier in the console API's answer. */
    static String messageIdOf(String deadLettersJson, String dossierCode) {
        try {
            for (JsonNode letter : new ObjectMapper().readTree(deadLettersJson)) {
                if (dossierCode.equals(letter.path("dossierCode").asText())) {
                    return letter.get("messageId").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no dead letter of " + dossierCode);
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
