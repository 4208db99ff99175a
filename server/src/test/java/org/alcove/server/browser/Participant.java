package org.alcove.server.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One person on the join page in their own browser profile, driven the way they would use it:
 * controls found by role and accessible name, text read off the screen.
 */
final class Participant implements AutoCloseable {
    static final double TIMEOUT_MS = 20_000;

    final BrowserContext context;
    final Page page;
    final List<String> console = new ArrayList<>();

    private Participant(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        page.onConsoleMessage((ConsoleMessage message) -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("pageerror: " + error));
    }

    static Participant in(Chromium chromium) {
        return new Participant(chromium.newParticipant());
    }

    static Participant onPhone(Chromium chromium) {
        return new Participant(chromium.newPhoneParticipant());
    }

    /** Opens a join link from the API against the test server's own address. */
    Participant open(TestServer server, String link) {
        page.navigate(server.uri() + "/join#" + Api.tokenOf(link));
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
                fail("the video of " + name + " is stuck at frame " + before + "\n" + String.join("\n", console));
            }
            page.waitForTimeout(200);
        }
    }

    private void waitForVideo(Locator video) {
        long deadline = System.currentTimeMillis() + (long) TIMEOUT_MS;
        while (!(Boolean) video.evaluate("v => v.videoWidth > 0 && v.readyState >= 2")) {
            if (System.currentTimeMillis() > deadline) {
                fail("no picture in " + video + "\n" + String.join("\n", console));
            }
            page.waitForTimeout(200);
        }
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
        assertThat(page.locator("figure.tile video").first()).isHidden();
    }

    @Override
    public void close() {
        context.close();
    }
}
