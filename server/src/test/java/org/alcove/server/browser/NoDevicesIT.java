package org.alcove.server.browser;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A client whose browser will not give the page a camera or microphone (permission denied, or
 * none plugged in) is told what is wrong and how to fix it, and can still join: admitted, they
 * see and hear the therapist and chat works both ways; the therapist sees their tile.
 */
@Timeout(BrowserStage.TEST_SECONDS)
class NoDevicesIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "NotAllowedError, Your browser is not letting this page use your camera and microphone",
            "NotFoundError, No camera or microphone was found"})
    void a_client_without_camera_or_microphone_is_guided_and_still_joins(String failure, String guidance) {
        Booking booking = STAGE.book("Dana Nodevice");
        Participant therapist = STAGE.participant();
        Participant client = STAGE.participant();
        // The browser refuses every request for a camera or microphone, as it does when the
        // person blocked them or has none.
        client.context.addInitScript("navigator.mediaDevices.getUserMedia = () => "
                + "Promise.reject(new DOMException('refused', '" + failure + "'));");

        STAGE.therapistJoins(booking, therapist);
        client.openJoinPage(STAGE.server(), booking.clientToken(0));
        assertThat(client.heading("Check your camera and microphone")).isVisible();
        assertThat(client.page.getByText(guidance)).isVisible();
        assertThat(client.button("Join")).isEnabled();
        if (failure.equals("NotAllowedError")) {
            client.screenshot("device-check-denied");
        }
        client.button("Join").click();
        assertThat(client.heading("Your therapist will let you in")).isVisible();

        STAGE.admit(therapist, "Dana Nodevice");
        client.seesVideoOf("Therapist");
        assertThat(therapist.tile("Dana Nodevice")).isVisible();

        therapist.say("Can you see me, Dana?");
        client.readsInChat("Can you see me, Dana?");
        client.say("Yes, my camera is blocked though");
        therapist.readsInChat("Yes, my camera is blocked though");
    }
}
