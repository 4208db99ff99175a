package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard tells the therapist when a client is waiting, from the live state it polls. */
@Timeout(BrowserStage.TEST_SECONDS)
class WaitingNoticeIT {
    private static final String EMAIL = "dr.lee@example.test";
    /** The dashboard polls every 5 s; allow two rounds. */
    private static final LocatorAssertions.HasTextOptions POLL = new LocatorAssertions.HasTextOptions().setTimeout(12_000);

    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);
    private final TestServer server = STAGE.server();
    private final Page page = STAGE.page();

    @Test
    void a_client_in_the_waiting_room_shows_the_notice_until_admitted() {
        String token = server.api().newTherapist(EMAIL);
        JsonNode session = server.api().schedule(token, server.clock().instant(), 50, "Ann");
        JsonNode ann = session.get("clientLinks").get(0);
        // Counts the chime's tones: the test cannot hear, but it can see the oscillators start.
        page.addInitScript("window.tones = 0; const start = OscillatorNode.prototype.start;"
                + "OscillatorNode.prototype.start = function (...a) { window.tones++; return start.apply(this, a); };");
        StaffPages.signIn(page, server, EMAIL, StaffPages.THERAPIST_PASSWORD);
        Locator sound = page.getByLabel("Play a sound when a client is waiting");
        assertThat(sound).not().isChecked();
        sound.check();
        assertEquals(2, tones(), "ticking the box plays the chime once, so the therapist knows it");
        Locator card = page.locator("article[data-session-id='" + session.get("id").asText() + "']");
        Locator notice = page.locator("#waiting-notice");
        assertThat(notice).hasAttribute("aria-live", "polite");
        assertThat(card.locator(".state")).hasText("Scheduled");
        assertThat(notice).isHidden();

        try (SignalingClient client = SignalingClient.join(server.uri(), Api.tokenOf(ann.get("link").asText()))) {
            assertEquals("waiting", client.nextOfType("welcome", Duration.ofSeconds(5)).get("state").asText());

            String startTime = card.locator("h4").textContent().replaceAll(".*, (.*)\u2013.*", "$1");
            assertThat(notice).hasText("A client is waiting for your " + startTime + " session.", POLL);
            assertThat(card.locator(".state")).hasText("Client waiting");
            assertEquals(4, tones(), "the chime plays when the client arrives");
            Chromium.screenshot(page, "dashboard-waiting");

            try (SignalingClient therapist = SignalingClient.join(server.uri(),
                    Api.tokenOf(session.get("therapistLink").asText()))) {
                therapist.nextOfType("welcome", Duration.ofSeconds(5));
                therapist.send(new ClientMessage.Admit(ann.get("clientId").asText()));
                client.nextOfType("roster", Duration.ofSeconds(5));

                assertThat(card.locator(".state")).hasText("In progress", POLL);
                assertThat(notice).isHidden();
            }
        }
    }

    private int tones() {
        return ((Number) page.evaluate("window.tones")).intValue();
    }
}
