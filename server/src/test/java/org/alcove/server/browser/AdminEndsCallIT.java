package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole admin journey in browsers: a therapist and a client are in a real call on their
 * join pages; an admin ends the session from the console with a reason; both call pages show
 * the ended screen, the therapist's with the admin's reason, and the client's link no longer
 * joins.
 */
class AdminEndsCallIT {
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
    void an_admin_ends_a_running_call_from_the_console_and_both_pages_show_the_end() {
        String therapistLogin = server.api().newTherapist("admin-ends@example.test");
        JsonNode session = server.api().schedule(therapistLogin, server.clock().instant(), 50, "Robin Client");
        String sessionId = session.get("id").asText();
        String clientLink = session.get("clientLinks").get(0).get("link").asText();
        try (Participant therapist = Participant.in(chromium);
             Participant client = Participant.in(chromium);
             Participant admin = Participant.in(chromium)) {
            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            client.open(server, clientLink).passDeviceCheck();
            therapist.button("Admit Robin Client").click();
            client.seesVideoOf("Therapist");
            therapist.seesVideoOf("Robin Client");

            Page console = admin.page;
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

            try (Participant again = Participant.in(chromium)) {
                again.open(server, clientLink);
                assertThat(again.heading("The session has ended")).isVisible();
                again.neverInCall();
            }
            assertTrue(List.of("ended").contains(
                    server.api().getSession(therapistLogin, sessionId).get("status").asText()));
        }
    }
}
