package org.alcove.server.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "End session" ends it for everyone, and the links stop working. */
@Timeout(BrowserStage.TEST_SECONDS)
class EndSessionIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage();

    @Test
    void the_therapist_ends_the_session_and_the_client_link_no_longer_joins() {
        AdmittedCall call = STAGE.admittedCall("Eli");
        Participant therapist = call.therapist();
        Participant client = call.client();
        String token = call.booking().therapistLogin();
        String sessionId = call.booking().id();
        String endsAt = STAGE.server().api().getSession(token, sessionId).get("endsAt").asText();
        therapist.button("Extend 10 minutes").click();
        assertThat(client.page.locator("#call-status")).containsText("The session now ends at");
        assertEquals(Instant.parse(endsAt).plusSeconds(600),
                Instant.parse(STAGE.server().api().getSession(token, sessionId).get("endsAt").asText()));

        therapist.button("End session").click();
        therapist.screenshot("end-confirm");
        therapist.button("End for everyone").click();

        assertThat(therapist.heading("The session has ended")).isVisible();
        assertThat(client.heading("The session has ended")).isVisible();
        assertThat(client.page.getByText("Your therapist ended the session")).isVisible();
        assertThat(therapist.page.getByText("You ended the session for everyone")).isVisible();
        client.screenshot("ended");
        try (Participant again = STAGE.participant()) {
            again.openJoinPage(STAGE.server(), call.booking().clientToken(0));
            assertThat(again.heading("The session has ended")).isVisible();
            again.neverInCall();
        }
    }

    @Test
    void when_the_booked_time_and_its_overrun_are_over_everyone_sees_that_time_is_up() {
        AdmittedCall call = STAGE.admittedCall(STAGE.book(20, "Tess"));
        Participant therapist = call.therapist();
        Participant client = call.client();
        // Nobody ends it: the server closes the session 10 minutes after the booked end.
        STAGE.server().clock().advance(Duration.ofMinutes(20 + 10).plusSeconds(1));
        assertThat(therapist.heading("The session has ended")).isVisible();
        assertThat(therapist.page.locator("#notice-text")).containsText("The booked time is up");
        assertThat(client.heading("The session has ended")).isVisible();
        assertThat(client.page.locator("#notice-text")).containsText("The booked time is up");
    }

    @Test
    void everyone_in_the_call_is_warned_five_minutes_before_the_end() {
        Booking booking = STAGE.book(4, "Wren");
        Participant therapist = STAGE.therapistJoins(booking, STAGE.participant());
        assertThat(therapist.page.locator("#call-status")).containsText("The session ends in");
        assertThat(therapist.page.locator("#call-timer")).hasClass(Pattern.compile("warning"));
        therapist.screenshot("session-warning");
    }
}
