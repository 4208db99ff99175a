package org.alcove.server.browser;

import com.microsoft.playwright.WebSocketRoute;
import org.alcove.server.testing.SessionRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reload or a dropped socket mid-call is not a leave: the client comes straight back into the call. */
@Timeout(BrowserStage.TEST_SECONDS)
class ReloadIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage();
    /** Off unless -Dalcove.record-sessions=DIR: then the browsers' signalling feeds the fuzz corpus. */
    @RegisterExtension
    final SessionRecorder recorder = SessionRecorder.fromSystemProperty();

    @Test
    void a_reloaded_client_returns_to_the_call_without_a_second_admission() {
        Participant therapist = STAGE.participant();
        Participant client = STAGE.participant();
        therapist.recordSignalling(recorder, "therapist");
        client.recordSignalling(recorder, "client");
        STAGE.admittedCall(STAGE.book("Robin"), therapist, List.of(client));

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

    @Test
    void a_dropped_socket_reconnects_by_itself_and_the_call_goes_on() {
        Participant therapist = STAGE.participant();
        Participant client = STAGE.participant();
        // The client's socket runs through a proxy the test can cut.
        List<WebSocketRoute[]> sockets = new CopyOnWriteArrayList<>();
        client.page.routeWebSocket("**/ws", page -> sockets.add(new WebSocketRoute[] {page, page.connectToServer()}));
        STAGE.admittedCall(STAGE.book("Dev"), therapist, List.of(client));

        int screensBefore = client.screensShown().size();
        // The page's socket dies without a close handshake, as on a network change.
        sockets.get(sockets.size() - 1)[0].close(new WebSocketRoute.CloseOptions().setCode(1006));

        long deadline = System.currentTimeMillis() + 10_000;
        while (sockets.size() < 2 && System.currentTimeMillis() < deadline) {
            client.page.waitForTimeout(100);
        }
        assertTrue(sockets.size() >= 2, "the client opened a new socket by itself");
        assertThat(client.page.locator("#call-status")).hasText("");
        therapist.seesVideoOf("Dev");
        client.seesVideoOf("Therapist");
        assertThat(therapist.page.locator("#waiting-list li")).hasCount(0);
        List<String> after = client.screensShown().subList(screensBefore, client.screensShown().size());
        assertEquals(List.of(), after, "the client stayed on the call screen throughout");
    }
}
