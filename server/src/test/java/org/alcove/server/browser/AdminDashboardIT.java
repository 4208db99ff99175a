package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.alcove.server.browser.StaffPages.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** An admin's dashboard: every session, read-only, and the way to the admin console where accounts are managed. */
@Timeout(BrowserStage.TEST_SECONDS)
class AdminDashboardIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);
    private final TestServer server = STAGE.server();
    private final Api api = server.api();
    private final Page page = STAGE.page();

    @Test
    void admin_follows_the_console_link_and_creates_a_therapist_who_can_then_sign_in() {
        StaffPages.signIn(page, server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, named("Schedule a session"))).isHidden();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin console")).click();
        page.waitForURL("**/admin.html");
        assertThat(page.getByRole(AriaRole.HEADING, named("Accounts"))).isVisible();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Dr Rivera");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("rivera@example.test");
        page.getByLabel("Role").selectOption("therapist");
        page.getByLabel("Initial password").fill("too-short");
        page.getByRole(AriaRole.BUTTON, named("Create account")).click();
        assertThat(page.locator("#new-account-error")).hasText("Initial password: must be at least 12 characters.");

        page.getByLabel("Initial password").fill("a-long-enough-password");
        page.getByRole(AriaRole.BUTTON, named("Create account")).click();
        assertThat(page.getByText("Account created for Dr Rivera (rivera@example.test).")).isVisible();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("rivera@example.test"));
        assertThat(row).containsText("Dr Rivera");
        assertThat(row).containsText("Therapist");
        api.login("rivera@example.test", "a-long-enough-password");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Someone Else");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("rivera@example.test");
        page.getByLabel("Initial password").fill("another-long-password");
        STAGE.expect(ExpectedConsoleError.refusedRequest("a second account with this email is refused", "/api/users", 409));
        page.getByRole(AriaRole.BUTTON, named("Create account")).click();
        assertThat(page.locator("#new-account-error")).hasText("Email: an account with this email already exists.");
    }

    @Test
    void admin_sees_every_session_read_only_with_its_therapist() {
        String lee = api.newTherapist("lee@example.test");
        String kim = api.newTherapist("kim@example.test");
        JsonNode first = api.schedule(lee, server.clock().instant().plus(Duration.ofHours(1)), 50, "Ann");
        JsonNode second = api.schedule(kim, server.clock().instant().plus(Duration.ofDays(2)), 50, "Ben");
        api.cancel(kim, second.get("id").asText());

        StaffPages.signIn(page, server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

        Locator leeCard = page.locator("article[data-session-id='" + first.get("id").asText() + "']");
        Locator kimCard = page.locator("article[data-session-id='" + second.get("id").asText() + "']");
        assertThat(leeCard).containsText("Therapist: Therapist lee@example.test");
        assertThat(leeCard).containsText("Ann");
        assertThat(leeCard.locator(".state")).hasText("Scheduled");
        assertThat(kimCard).containsText("Therapist: Therapist kim@example.test");
        assertThat(kimCard.locator(".state")).hasText("Cancelled");
        assertEquals(0, page.locator("#sessions button").count(), "read-only: no actions for an admin");
        assertFalse(page.content().contains("/join#"), "an admin's page carries no join link");
    }
}
