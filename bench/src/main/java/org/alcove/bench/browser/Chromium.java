package org.alcove.bench.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, set up as the server's browser tests set it up
 * (server/src/test/.../testing/Chromium.java): headless, a fake camera and microphone that need
 * no prompt, host candidates as plain loopback addresses (no mDNS), no background traffic.
 * Playwright never downloads a browser of its own. One browser serves every run of the scenario;
 * each participant of each run gets a fresh context (own cookies and storage, like a device)
 * with the probe installed.
 */
public final class Chromium implements AutoCloseable {
    /** Where the Debian package installs the browser; override with ALCOVE_CHROMIUM. */
    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("ALCOVE_CHROMIUM", "/usr/bin/chromium"));

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
    private final String probe;

    private Chromium(Playwright playwright, Browser browser, String probe) {
        this.playwright = playwright;
        this.browser = browser;
        this.probe = probe;
    }

    /**
     * @param everyCpu a command prefix that lets the browser run on every CPU (empty: it inherits
     *                 the harness's CPU); see {@link org.alcove.bench.proc.Pinning#everyCpuPrefix()}
     */
    public static Chromium launch(List<String> everyCpu) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " not found: install Debian's chromium (./alcove bench does)");
        }
        Path executable = everyCpu.isEmpty() ? EXECUTABLE : wrapped(everyCpu);
        String probe = probeScript();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(FLAGS));
            return new Chromium(playwright, browser, probe);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * A two-line script that starts the browser under {@code prefix}: the two participants stand
     * for two people's computers, so they are not squeezed onto the load generator's one CPU.
     */
    private static Path wrapped(List<String> prefix) {
        try {
            Path script = Files.createTempFile("alcove-bench-chromium", ".sh");
            script.toFile().deleteOnExit();
            Files.writeString(script, "#!/bin/sh\nexec " + String.join(" ", prefix) + " " + EXECUTABLE + " \"$@\"\n");
            script.toFile().setExecutable(true);
            return script;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the browser's start script", e);
        }
    }

    /** A fresh profile with camera and microphone granted and the probe in every page. */
    public BrowserContext newParticipant() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.grantPermissions(List.of("camera", "microphone"));
        context.addInitScript(probe);
        return context;
    }

    /** A fresh profile without the probe, for the echo baseline. */
    public BrowserContext newBlankContext() {
        return browser.newContext();
    }

    public String version() {
        return browser.version();
    }

    private static String probeScript() {
        try (InputStream in = Chromium.class.getResourceAsStream("probe.js")) {
            if (in == null) {
                throw new IllegalStateException("probe.js is missing from the bench jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read probe.js", e);
        }
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
