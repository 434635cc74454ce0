package dev.dbsurveyor.testing;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

/**
 * A headless Chromium driven through its ChromeDriver, for tests of pages opened from files: what
 * a page logged to its console, the dialogs its scripts tried to open, and screenshots of it.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The variable that names the Chromium binary; {@code /usr/bin/chromium} when unset. */
    public static final String CHROMIUM_VARIABLE = "DBSURVEYOR_CHROMIUM";
    /** The variable that names the ChromeDriver binary; {@code /usr/bin/chromedriver} when unset. */
    public static final String CHROMEDRIVER_VARIABLE = "DBSURVEYOR_CHROMEDRIVER";
    /** The system property that names the folder screenshots go to. */
    public static final String SCREENSHOTS_PROPERTY = "dbsurveyor.screenshots.dir";

    /* Runs before any script of every page: a page's alert, confirm and prompt calls are recorded, never shown. */
    private static final String DIALOG_RECORDER = String.join("\n",
            "(function () {",
            "  var calls = [];",
            "  Object.defineProperty(window, '__dbsurveyorDialogs', {value: calls});",
            "  ['alert', 'confirm', 'prompt'].forEach(function (name) {",
            "    window[name] = function (message) { calls.push(name + ': ' + String(message)); return name === 'confirm' ? false : null; };",
            "  });",
            "})();");

    private final ChromeDriver driver;
    private final Path screenshots;

    /** Where the two binaries are. */
    public record Binaries(Path chromium, Path chromedriver) {

        /** The binaries the environment names or the Debian packages install, or why they are not there. */
        public static Located locate() {
            Binaries binaries = new Binaries(path(CHROMIUM_VARIABLE, "/usr/bin/chromium"), path(CHROMEDRIVER_VARIABLE, "/usr/bin/chromedriver"));
            List<String> missing = new ArrayList<>();
            for (Path binary : List.of(binaries.chromium, binaries.chromedriver)) {
                if (!Files.isExecutable(binary)) {
                    missing.add(binary + " is not an executable file");
                }
            }
            return missing.isEmpty() ? new Located(Optional.of(binaries), null)
                    : new Located(Optional.empty(), String.join("; ", missing) + " (set " + CHROMIUM_VARIABLE + " and "
                            + CHROMEDRIVER_VARIABLE + ", or install the Debian packages chromium and chromium-driver)");
        }

        private static Path path(String variable, String fallback) {
            String value = System.getenv(variable);
            return Path.of(value == null || value.isBlank() ? fallback : value);
        }
    }

    /** Binaries found, or the reason none were. */
    public record Located(Optional<Binaries> binaries, String problem) {
    }

    private HeadlessChromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts Chromium headless in a 1400×1000 window. */
    public static HeadlessChromium start(Binaries binaries) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--window-size=1400,1000", "--no-first-run", "--disable-extensions");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(binaries.chromedriver().toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_RECORDER));
            return new HeadlessChromium(driver, screenshotFolder());
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    private static Path screenshotFolder() {
        String folder = System.getProperty(SCREENSHOTS_PROPERTY);
        return Path.of(folder == null || folder.isBlank() ? "target/failsafe-reports/screenshots" : folder);
    }

    /** The driver, for finding elements and waiting on them. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code file} as a {@code file://} URL, after dropping what earlier pages logged. */
    public void open(Path file) {
        console();
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    /** What the console received since the last call or {@link #open}. */
    public List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** The {@code alert}, {@code confirm} and {@code prompt} calls of the open page, each as "name: message". */
    public List<String> dialogs() {
        Object calls = ((JavascriptExecutor) driver).executeScript("return window.__dbsurveyorDialogs.slice();");
        List<String> dialogs = new ArrayList<>();
        for (Object call : (List<?>) calls) {
            dialogs.add(String.valueOf(call));
        }
        return dialogs;
    }

    /** Saves what the window shows as {@code name}.png in the screenshot folder, and prints where. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("screenshot: " + file);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
