package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A therapist and a client hold a call in two browsers: waiting room, admission, video, chat. */
class CallJourneyIT {
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
    void client_waits_is_admitted_and_both_see_and_chat_with_each_other() {
        String therapistToken = server.api().newTherapist("journey@example.test");
        JsonNode session = server.api().schedule(therapistToken, server.clock().instant(), 50, "Sam Client");
        try (Participant therapist = Participant.in(chromium);
             Participant client = Participant.onPhone(chromium)) {
            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            assertThat(therapist.page.locator("#call")).isVisible();

            client.open(server, session.get("clientLinks").get(0).get("link").asText());
            client.screenshot("device-check");
            client.passDeviceCheck();
            assertThat(client.heading("Your therapist will let you in")).isVisible();
            client.screenshot("waiting-room");

            assertThat(therapist.page.locator("#waiting-notice")).containsText("Sam Client is waiting");
            therapist.screenshot("waiting-notice");
            therapist.button("Admit Sam Client").click();

            client.seesVideoOf("Therapist");
            therapist.seesVideoOf("Sam Client");

            therapist.say("Hello Sam, can you hear me?");
            client.readsInChat("Hello Sam, can you hear me?");
            client.say("Yes, loud and clear");
            therapist.readsInChat("Sam Client: Yes, loud and clear");
            therapist.screenshot("call-therapist");
            client.screenshot("call-client");
        }
    }
}
