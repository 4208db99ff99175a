package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "End session" ends it for everyone, and the links stop working. */
class EndSessionIT {
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
    void the_therapist_ends_the_session_and_the_client_link_no_longer_joins() {
        String token = server.api().newTherapist("end@example.test");
        JsonNode session = server.api().schedule(token, server.clock().instant(), 50, "Eli");
        String link = session.get("clientLinks").get(0).get("link").asText();
        try (Participant therapist = Participant.in(chromium);
             Participant client = Participant.in(chromium)) {
            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            client.open(server, link).passDeviceCheck();
            therapist.button("Admit Eli").click();
            client.seesVideoOf("Therapist");

            String endsAt = server.api().getSession(token, session.get("id").asText()).get("endsAt").asText();
            therapist.button("Extend 10 minutes").click();
            assertThat(client.page.locator("#call-status")).containsText("The session now ends at");
            assertEquals(Instant.parse(endsAt).plusSeconds(600),
                    Instant.parse(server.api().getSession(token, session.get("id").asText()).get("endsAt").asText()));

            therapist.button("End session").click();
            therapist.screenshot("end-confirm");
            therapist.button("End for everyone").click();

            assertThat(therapist.heading("The session has ended")).isVisible();
            assertThat(client.heading("The session has ended")).isVisible();
            assertThat(client.page.getByText("Your therapist ended the session")).isVisible();
            assertThat(therapist.page.getByText("You ended the session for everyone")).isVisible();
            client.screenshot("ended");
        }
        try (Participant again = Participant.in(chromium)) {
            again.open(server, link);
            assertThat(again.heading("The session has ended")).isVisible();
            again.neverInCall();
        }
    }

    @Test
    void when_the_booked_time_and_its_overrun_are_over_everyone_sees_that_time_is_up() {
        String token = server.api().newTherapist("timeup@example.test");
        JsonNode session = server.api().schedule(token, server.clock().instant(), 20, "Tess");
        try (Participant therapist = Participant.in(chromium);
             Participant client = Participant.in(chromium)) {
            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            client.open(server, session.get("clientLinks").get(0).get("link").asText()).passDeviceCheck();
            therapist.button("Admit Tess").click();
            client.seesVideoOf("Therapist");

            // Nobody ends it: the server closes the session 10 minutes after the booked end.
            server.clock().advance(java.time.Duration.ofMinutes(20 + 10).plusSeconds(1));
            assertThat(therapist.heading("The session has ended")).isVisible();
            assertThat(therapist.page.locator("#notice-text")).containsText("The booked time is up");
            assertThat(client.heading("The session has ended")).isVisible();
            assertThat(client.page.locator("#notice-text")).containsText("The booked time is up");
        }
    }

    @Test
    void everyone_in_the_call_is_warned_five_minutes_before_the_end() {
        String token = server.api().newTherapist("warn@example.test");
        JsonNode session = server.api().schedule(token, server.clock().instant(), 4, "Wren");
        try (Participant therapist = Participant.in(chromium)) {
            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            assertThat(therapist.page.locator("#call-status")).containsText("The session ends in");
            assertThat(therapist.page.locator("#call-timer")).hasClass(java.util.regex.Pattern.compile("warning"));
            therapist.screenshot("session-warning");
        }
    }
}
