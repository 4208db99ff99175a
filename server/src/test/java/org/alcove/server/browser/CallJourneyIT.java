package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SessionRecorder;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole journey in two browsers: the therapist signs in, books and starts a session on the
 * dashboard; the client opens the link, checks devices, waits, is admitted; video and chat flow.
 */
@Timeout(BrowserStage.TEST_SECONDS)
class CallJourneyIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);
    /** Off unless -Dalcove.record-sessions=DIR: then the browsers' signalling feeds the fuzz corpus. */
    @RegisterExtension
    final SessionRecorder recorder = SessionRecorder.fromSystemProperty();

    @Test
    void client_waits_is_admitted_and_both_see_and_chat_with_each_other() {
        TestServer server = STAGE.server();
        String therapistToken = server.api().newTherapist("journey@example.test");
        Participant therapist = STAGE.participant();
        Participant client = STAGE.onPhone();
        therapist.recordSignalling(recorder, "therapist");
        client.recordSignalling(recorder, "client");
        // The therapist books the session on the dashboard, starting now, and starts it there.
        StaffPages.signIn(therapist.page, server, "journey@example.test", StaffPages.THERAPIST_PASSWORD);
        LocalDateTime now = LocalDateTime.ofInstant(server.clock().instant(), ZoneId.of(
                (String) therapist.page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")));
        therapist.page.getByLabel("Date").fill(now.toLocalDate().toString());
        therapist.page.getByLabel("Start time").fill(now.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
        therapist.page.getByLabel("Length (minutes)").fill("50");
        therapist.page.getByLabel("Client 1 name").fill("Sam Client");
        therapist.page.getByLabel("Client 1 email").fill("sam@example.test");
        therapist.button("Schedule session").click();
        assertThat(therapist.page.getByText("Session scheduled.")).isVisible();
        JsonNode session = Api.expect(200, server.api().send("GET", "/api/sessions", therapistToken, null)).get(0);
        therapist.page.locator("article[data-session-id='" + session.get("id").asText() + "']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start session")).click();
        therapist.passDeviceCheck();
        assertThat(therapist.page.locator("#call")).isVisible();

        client.open(server, session.get("clientLinks").get(0).get("link").asText());
        client.screenshot("device-check");
        client.passDeviceCheck();
        assertThat(client.heading("Your therapist will let you in")).isVisible();
        client.screenshot("waiting-room");

        assertThat(therapist.page.locator("#waiting-notice")).containsText("Sam Client is waiting");
        therapist.screenshot("waiting-notice");
        STAGE.admit(therapist, "Sam Client");

        client.seesVideoOf("Therapist");
        therapist.seesVideoOf("Sam Client");

        therapist.say("Hello Sam, can you hear me?");
        client.readsInChat("Hello Sam, can you hear me?");
        client.say("Yes, loud and clear");
        therapist.readsInChat("Sam Client: Yes, loud and clear");
        therapist.screenshot("call-therapist");
        client.screenshot("call-client");
        assertEquals(0, ((Number) client.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                "no sideways scrolling in the call on a 390px phone");

        // Screen sharing is the therapist's to allow; the permission travels on the data channel.
        assertThat(client.button("Share screen")).isHidden();
        therapist.page.getByLabel("Clients may share their screen").check();
        assertThat(client.button("Share screen")).isVisible();
        therapist.page.getByLabel("Clients may share their screen").uncheck();
        assertThat(client.button("Share screen")).isHidden();

        // Camera off really stops the camera and the sending; on again brings a new picture.
        client.button("Turn camera off").click();
        assertThat(client.button("Turn camera on")).isVisible();
        assertEquals(0, ((Number) client.page.evaluate(
                "document.getElementById('self-video').srcObject.getVideoTracks().length")).intValue());
        therapist.seesVideoStopOf("Sam Client");
        client.button("Turn camera on").click();
        assertThat(client.button("Turn camera off")).isVisible();
        therapist.seesVideoOf("Sam Client");

        client.button("Mute").click();
        assertThat(client.button("Unmute")).isVisible();
        assertEquals(false, client.page.evaluate(
                "document.getElementById('self-video').srcObject.getAudioTracks()[0].enabled"));
        client.button("Unmute").click();
        assertThat(client.button("Mute")).isVisible();
    }
}
