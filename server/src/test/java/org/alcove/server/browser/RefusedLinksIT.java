package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Links that must not reach the call each get their own clear page. */
@Timeout(BrowserStage.TEST_SECONDS)
class RefusedLinksIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage();
    private static TestServer server;
    private static String therapistToken;

    @BeforeAll
    static void therapist() {
        server = STAGE.server();
        server.api().createUser("refused@example.test", "Dr Ada Lovelace", "therapist", "therapist-password");
        therapistToken = server.api().login("refused@example.test", "therapist-password");
    }

    private static JsonNode book(Instant startsAt, String... clients) {
        return server.api().schedule(therapistToken, startsAt, 50, clients);
    }

    private static String clientLink(JsonNode session, int i) {
        return session.get("clientLinks").get(i).get("link").asText();
    }

    @Test
    void a_too_early_link_shows_the_start_in_local_time_and_opens_by_itself() {
        Instant startsAt = server.clock().instant().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        JsonNode session = book(startsAt, "Early Bird");
        String expected = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Tokyo")).format(startsAt);
        try (Participant client = STAGE.participant(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale("en-GB").setTimezoneId("Asia/Tokyo"))) {
            client.page.clock().install();
            client.open(server, clientLink(session, 0));
            assertThat(client.heading("Your session with Dr Ada Lovelace starts at " + expected)).isVisible();
            client.screenshot("join-too-early");
            client.neverInCall();

            // The window opens: the page asks again by itself, no reload or button needed.
            server.clock().advance(Duration.ofHours(2).minusMinutes(10));
            client.page.clock().fastForward("02:00");
            assertThat(client.heading("Check your camera and microphone")).isVisible();
        }
    }

    @Test
    void a_link_whose_session_time_is_over_says_it_has_expired() {
        JsonNode session = server.api().schedule(therapistToken, server.clock().instant(), 20, "Late Lou");
        // The client opens the emailed link only after the booked time and its overrun are over.
        server.clock().advance(Duration.ofMinutes(20 + 10).plusSeconds(1));
        try (Participant client = STAGE.participant()) {
            client.open(server, clientLink(session, 0));
            assertThat(client.heading("This link has expired")).isVisible();
            client.neverInCall();
        }
    }

    @Test
    void a_cancelled_session_shows_cancelled_before_and_during_the_wait() {
        JsonNode session = book(server.clock().instant(), "Cass", "Cody");
        server.api().cancel(therapistToken, session.get("id").asText());
        try (Participant client = STAGE.participant()) {
            client.open(server, clientLink(session, 0));
            assertThat(client.heading("This session was cancelled")).isVisible();
            client.screenshot("link-cancelled");
            client.neverInCall();
        }

        JsonNode live = book(server.clock().instant(), "Cass");
        try (Participant client = STAGE.participant()) {
            client.open(server, clientLink(live, 0)).passDeviceCheck();
            assertThat(client.heading("Your therapist will let you in")).isVisible();
            server.api().cancel(therapistToken, live.get("id").asText());
            assertThat(client.heading("This session was cancelled")).isVisible();
            client.neverInCall();
        }
    }

    @Test
    void a_reissued_link_shows_that_it_was_replaced() {
        JsonNode session = book(server.clock().instant(), "Rita");
        String old = clientLink(session, 0);
        server.api().reissue(therapistToken, session.get("id").asText(), session.get("clientLinks").get(0).get("clientId").asText());
        try (Participant client = STAGE.participant()) {
            client.open(server, old);
            assertThat(client.heading("This link has been replaced")).isVisible();
            client.screenshot("link-reissued");
            client.neverInCall();
        }
    }

    @Test
    void a_removed_client_leaves_the_call_and_cannot_come_back() {
        AdmittedCall call = STAGE.admittedCall("Remy");
        Participant therapist = call.therapist();
        Participant client = call.client();

        therapist.button("Remove Remy").click();
        therapist.button("Remove from session").click();
        assertThat(client.heading("You were removed from this session")).isVisible();
        client.screenshot("removed");
        assertThat(therapist.tile("Remy")).hasCount(0);

        try (Participant again = STAGE.participant()) {
            again.openJoinPage(server, call.booking().clientToken(0));
            assertThat(again.heading("You were removed from this session")).isVisible();
            again.neverInCall();
        }
    }

    @Test
    void a_declined_client_is_told_and_never_reaches_the_call() {
        Booking booking = STAGE.book("Dana");
        Participant therapist = STAGE.therapistJoins(booking, STAGE.participant());
        Participant client = STAGE.clientWaits(booking, 0, STAGE.participant());
        therapist.button("Decline Dana").click();
        assertThat(client.heading("Your therapist could not let you in")).isVisible();
        client.screenshot("declined");
        client.neverInCall();
    }

    @Test
    void a_broken_or_missing_link_says_the_link_does_not_work() {
        try (Participant client = STAGE.participant()) {
            client.page.navigate(server.uri() + "/join#not-a-token");
            assertThat(client.heading("This link does not work")).isVisible();
            client.screenshot("link-invalid");
            client.neverInCall();
        }
        try (Participant client = STAGE.participant()) {
            client.page.navigate(server.uri() + "/join");
            assertThat(client.heading("This link does not work")).isVisible();
        }
    }
}
