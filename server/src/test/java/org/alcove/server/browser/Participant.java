package org.alcove.server.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.SessionRecorder;
import org.alcove.server.testing.TestServer;
import org.alcove.server.testing.WireTap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One person on the join page in their own browser profile, driven the way they would use it:
 * controls found by role and accessible name, text read off the screen. Made by a
 * {@link BrowserStage}, which closes it and checks its pages after the test.
 */
final class Participant implements AutoCloseable {
    static final double TIMEOUT_MS = 20_000;

    final BrowserContext context;
    final Page page;
    final List<String> console = new ArrayList<>();
    private boolean closed;

    Participant(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        page.onConsoleMessage((ConsoleMessage message) -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("pageerror: " + error));
        // Remembers every screen the page shows, so a test can tell what someone saw in between.
        context.addInitScript("""
                window.screensShown = [];
                new MutationObserver(records => {
                  for (const r of records) {
                    if (r.target.matches?.('main.screen') && !r.target.hidden) window.screensShown.push(r.target.id);
                  }
                }).observe(document, {subtree: true, attributes: true, attributeFilter: ['hidden']});
                """);
    }

    /** The ids of the screens shown since the page (re)loaded, in order. */
    @SuppressWarnings("unchecked")
    List<String> screensShown() {
        return (List<String>) page.evaluate("() => window.screensShown");
    }

    /**
     * Shows every signalling socket this page opens to {@code recorder}, each as its own recorded
     * connection. Playwright does not report the close of a socket whose page reloaded, but the
     * client keeps one signalling socket at a time, so a new one means the previous one closed.
     */
    Participant recordSignalling(SessionRecorder recorder, String label) {
        AtomicReference<WireTap> previous = new AtomicReference<>(WireTap.NONE);
        page.onWebSocket(socket -> {
            if (socket.url().endsWith("/ws")) {
                WireTap tap = recorder.connection(label);
                previous.getAndSet(tap).closed();
                socket.onFrameSent(frame -> tap.sent(frame.text()));
                socket.onFrameReceived(frame -> tap.received(frame.text()));
                socket.onClose(closed -> tap.closed());
            }
        });
        return this;
    }

    /** Opens a join link from the API against the test server's own address. */
    Participant open(TestServer server, String link) {
        return openJoinPage(server, Api.tokenOf(link));
    }

    /** Opens the join page with this join token, as its link would. */
    Participant openJoinPage(TestServer server, String token) {
        page.navigate(server.uri() + "/join#" + token);
        return this;
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    /** The device check is shown with a live preview; press "Join". */
    Participant passDeviceCheck() {
        assertThat(heading("Check your camera and microphone")).isVisible();
        waitForVideo(page.locator("#check-video"));
        assertThat(button("Join")).isEnabled();
        button("Join").click();
        return this;
    }

    /** The tile of someone else in the call, found by the name it shows. */
    Locator tile(String name) {
        return page.getByRole(AriaRole.FIGURE, new Page.GetByRoleOptions().setName(name));
    }

    /** The other person's video has a picture and its frames keep coming. */
    void seesVideoOf(String name) {
        Locator video = tile(name).locator("video");
        waitForVideo(video);
        double before = frames(video);
        long deadline = System.currentTimeMillis() + (long) TIMEOUT_MS;
        while (frames(video) <= before) {
            if (System.currentTimeMillis() > deadline) {
                fail("the video of " + name + " is stuck at frame " + before + "\n" + diagnosis());
            }
            page.waitForTimeout(200);
        }
    }

    /** The other person's video stops: no new frame for a second, a few seconds after the change. */
    void seesVideoStopOf(String name) {
        Locator video = tile(name).locator("video");
        long deadline = System.currentTimeMillis() + (long) TIMEOUT_MS;
        while (true) {
            double before = frames(video);
            page.waitForTimeout(1000);
            if (frames(video) == before) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                fail("the video of " + name + " keeps playing\n" + diagnosis());
            }
        }
    }

    private void waitForVideo(Locator video) {
        long deadline = System.currentTimeMillis() + (long) TIMEOUT_MS;
        while (!(Boolean) video.evaluate("v => v.videoWidth > 0 && v.readyState >= 2")) {
            if (System.currentTimeMillis() > deadline) {
                fail("no picture in " + video + "\n" + diagnosis());
            }
            page.waitForTimeout(200);
        }
    }

    /** What the page shows of each tile, and its console, for a failure message. */
    String diagnosis() {
        Object tiles = page.evaluate("() => [...document.querySelectorAll('figure.tile')].map(f => f.innerText.replace(/\\n/g, ' | ')"
                + " + ' video ' + f.querySelector('video').videoWidth + 'x' + f.querySelector('video').readyState).join('\\n')");
        return tiles + "\n" + String.join("\n", console);
    }

    private static double frames(Locator video) {
        return ((Number) video.evaluate("v => v.getVideoPlaybackQuality().totalVideoFrames")).doubleValue();
    }

    /** Sends a chat line through the chat form. */
    void say(String text) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Chat message")).fill(text);
        button("Send").click();
    }

    void readsInChat(String line) {
        assertThat(page.locator("#chat-log")).containsText(line);
    }

    void screenshot(String name) {
        Chromium.screenshot(page, name);
    }

    /** The page never reached the call screen. */
    void neverInCall() {
        assertTrue(page.locator("#call").isHidden(), "the call screen is showing");
        assertFalse(screensShown().contains("call"), "the call screen was shown: " + screensShown());
    }

    /** Closes this person's profile; the stage does it after each test (problems are the stage's to check). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Shown by failsafe only in the report of this test; helps read a failure afterwards.
        System.out.println("console of " + page.url() + ":\n  " + String.join("\n  ", console));
        context.close();
    }
}
