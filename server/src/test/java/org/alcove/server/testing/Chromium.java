package org.alcove.server.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for browser tests: headless, with a fake camera and
 * microphone that need no permission prompt, and no background traffic to the outside world
 * (host ICE candidates are plain local addresses, not mDNS names announced by multicast).
 * Each participant gets its own {@link BrowserContext} (separate cookies and storage, like
 * separate devices).
 *
 * <pre>{@code
 * try (Chromium chromium = Chromium.launch()) {
 *     Page therapist = chromium.newParticipant().newPage();
 *     therapist.navigate(server.uri() + "/");
 *     Chromium.screenshot(therapist, "sign-in");
 * }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {
    /** Where the Debian package installs the browser; override with ALCOVE_CHROMIUM. */
    public static final Path EXECUTABLE = Paths.get(System.getenv().getOrDefault("ALCOVE_CHROMIUM", "/usr/bin/chromium"));
    /** Screenshots land here; the current ones are copied to docs/screenshots by hand. */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-features=MediaRouter,OptimizationHints,Translate,WebRtcHideLocalIpsWithMdns");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " not found: install Debian's chromium (./alcove test does)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(FLAGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh profile for one participant: camera and microphone granted, a desktop-sized window. */
    public BrowserContext newParticipant() {
        return newParticipant(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }

    /** A fresh profile with the given options; camera and microphone are granted. */
    public BrowserContext newParticipant(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.grantPermissions(List.of("camera", "microphone"));
        return context;
    }

    /** A phone-sized profile (390 x 844, touch), for checking the layout people see on a phone. */
    public BrowserContext newPhoneParticipant() {
        return newParticipant(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
    }

    /** Saves a full-page PNG as {@code target/screenshots/<name>.png} and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
