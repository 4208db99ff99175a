package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A client whose browser will not give the page a camera or microphone (permission denied, or
 * none plugged in) is told what is wrong and how to fix it, and can still join: admitted, they
 * see and hear the therapist and chat works both ways; the therapist sees their tile.
 */
class NoDevicesIT {
    private static TestServer server;
    private static Chromium chromium;
    private static String therapistLogin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        chromium = Chromium.launch();
        therapistLogin = server.api().newTherapist("nodevices@example.test");
    }

    @AfterAll
    static void stop() {
        try {
            chromium.close();
        } finally {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "NotAllowedError, Your browser is not letting this page use your camera and microphone",
            "NotFoundError, No camera or microphone was found"})
    void a_client_without_camera_or_microphone_is_guided_and_still_joins(String failure, String guidance) {
        JsonNode session = server.api().schedule(therapistLogin, server.clock().instant(), 50, "Dana Nodevice");
        try (Participant therapist = Participant.in(chromium);
             Participant client = Participant.in(chromium)) {
            // The browser refuses every request for a camera or microphone, as it does when the
            // person blocked them or has none.
            client.context.addInitScript("navigator.mediaDevices.getUserMedia = () => "
                    + "Promise.reject(new DOMException('refused', '" + failure + "'));");

            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            client.open(server, session.get("clientLinks").get(0).get("link").asText());
            assertThat(client.heading("Check your camera and microphone")).isVisible();
            assertThat(client.page.getByText(guidance)).isVisible();
            assertThat(client.button("Join")).isEnabled();
            if (failure.equals("NotAllowedError")) {
                client.screenshot("device-check-denied");
            }
            client.button("Join").click();
            assertThat(client.heading("Your therapist will let you in")).isVisible();

            therapist.button("Admit Dana Nodevice").click();
            client.seesVideoOf("Therapist");
            assertThat(therapist.tile("Dana Nodevice")).isVisible();

            therapist.say("Can you see me, Dana?");
            client.readsInChat("Can you see me, Dana?");
            client.say("Yes, my camera is blocked though");
            therapist.readsInChat("Yes, my camera is blocked though");
        }
    }
}
