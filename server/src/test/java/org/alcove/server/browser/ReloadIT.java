package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reload mid-call is a drop, not a leave: the client comes straight back into the call. */
class ReloadIT {
    private static TestServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        try {
            chromium.close();
        } finally {
            server.close();
        }
    }

    @Test
    void a_reloaded_client_returns_to_the_call_without_a_second_admission() {
        String token = server.api().newTherapist("reload@example.test");
        JsonNode session = server.api().schedule(token, server.clock().instant(), 50, "Robin");
        try (Participant therapist = Participant.in(chromium);
             Participant client = Participant.in(chromium)) {
            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            client.open(server, session.get("clientLinks").get(0).get("link").asText()).passDeviceCheck();
            therapist.button("Admit Robin").click();
            therapist.seesVideoOf("Robin");
            client.seesVideoOf("Therapist");

            // Record every status the therapist's tile of Robin shows from now on.
            therapist.tile("Robin").locator(".tile-status").evaluate("""
                    status => {
                      window.robinStatuses = [];
                      new MutationObserver(() => window.robinStatuses.push(status.textContent))
                        .observe(status, {childList: true, characterData: true, subtree: true});
                    }""");
            client.page.reload();
            assertTrue(client.page.url().endsWith("/join"), "the token stays out of the address bar");

            therapist.page.waitForFunction("() => window.robinStatuses.includes('Reconnecting…')");
            client.seesVideoOf("Therapist");
            therapist.seesVideoOf("Robin");
            assertThat(therapist.tile("Robin").locator(".tile-status")).isEmpty();
            assertThat(therapist.page.locator("#waiting-list li")).hasCount(0);
            assertThat(client.page.locator("#call")).isVisible();
            assertFalse(client.screensShown().contains("waiting"), "saw the waiting room: " + client.screensShown());
            assertFalse(client.screensShown().contains("check"), "saw the device check: " + client.screensShown());
            client.screenshot("call-after-reload");
        }
    }
}
