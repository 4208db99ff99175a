package org.alcove.server.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole admin journey in browsers: a therapist and a client are in a real call on their
 * join pages; an admin ends the session from the console with a reason; both call pages show
 * the ended screen, the therapist's with the admin's reason, and the client's link no longer
 * joins.
 */
@Timeout(BrowserStage.TEST_SECONDS)
class AdminEndsCallIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);

    @Test
    void an_admin_ends_a_running_call_from_the_console_and_both_pages_show_the_end() {
        TestServer server = STAGE.server();
        AdmittedCall call = STAGE.admittedCall("Robin Client");
        Participant therapist = call.therapist();
        Participant client = call.client();
        String sessionId = call.booking().id();
        Page console = STAGE.page();
        StaffPages.signIn(console, server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        console.navigate(server.uri() + "/admin.html");
        Locator card = console.locator("article[data-session-id='" + sessionId + "']");
        assertThat(card.locator(".state")).hasText("In call");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
        Locator dialog = console.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Reason").fill("Safeguarding <b>review</b> requested");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
        assertThat(card).hasCount(0);

        assertThat(therapist.heading("The session has ended")).isVisible();
        assertThat(therapist.page.locator("#notice-text"))
                .containsText("Reason given: Safeguarding <b>review</b> requested");
        assertTrue(therapist.page.locator("b").count() == 0, "the admin's reason is text, not markup");
        assertThat(client.heading("The session has ended")).isVisible();
        assertThat(client.page.locator("#notice-text")).containsText("The practice ended the session.");
        assertTrue(!client.page.content().contains("Safeguarding"), "only the therapist reads the reason");
        therapist.screenshot("ended-by-admin");

        try (Participant again = STAGE.participant()) {
            again.openJoinPage(server, call.booking().clientToken(0));
            assertThat(again.heading("The session has ended")).isVisible();
            again.neverInCall();
        }
        assertTrue(List.of("ended").contains(
                server.api().getSession(call.booking().therapistLogin(), sessionId).get("status").asText()));
    }
}
