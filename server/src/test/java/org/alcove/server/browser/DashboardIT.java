package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.auth.JoinClaims;
import org.alcove.server.auth.JoinTokenException;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.alcove.server.browser.StaffPages.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The therapist's dashboard: scheduling, links, cancelling and starting, on desktop and phone. */
@Timeout(BrowserStage.TEST_SECONDS)
class DashboardIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final AtomicInteger THERAPISTS = new AtomicInteger();

    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);
    private final TestServer server = STAGE.server();
    private final Api api = server.api();
    /** Each test's own therapist, so that the sessions on their dashboard are the test's own. */
    private final String email = "dr.lee" + THERAPISTS.incrementAndGet() + "@example.test";
    private final String token = api.newTherapist(email);
    private Page page;

    private Page signedIn(Page freshPage) {
        page = freshPage;
        StaffPages.signIn(page, server, email, StaffPages.THERAPIST_PASSWORD);
        return page;
    }

    private Page signedIn() {
        return signedIn(STAGE.page());
    }

    private Locator card(String sessionId) {
        return page.locator("article[data-session-id='" + sessionId + "']");
    }

    private Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    private JoinClaims claims(String link) {
        try {
            return server.joinTokens().verify(Api.tokenOf(link));
        } catch (JoinTokenException e) {
            if (e.kind() == JoinTokenException.Kind.NOT_YET_VALID) {
                return e.claims(); // genuine, for a session that has not opened yet
            }
            throw new AssertionError("link does not verify: " + e.getMessage(), e);
        }
    }

    private String currentTokenId(String sessionId, String clientId) {
        return server.sessions().findParticipant(sessionId, clientId).orElseThrow().tokenId();
    }

    @Test
    void schedules_a_session_in_the_therapists_own_time_zone_with_two_clients() {
        signedIn(STAGE.context(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setTimezoneId("Europe/Berlin").setLocale("en-GB")).newPage());
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);

        page.getByLabel("Date").fill(day.toString());
        page.getByLabel("Start time").fill("14:30");
        page.getByLabel("Length (minutes)").fill("45");
        page.getByLabel("Client 1 name").fill("Ann Example");
        page.getByLabel("Client 1 email").fill("ann@example.test");
        page.getByRole(AriaRole.BUTTON, named("Add client")).click();
        assertThat(page.getByLabel("Client 2 name")).isFocused();
        page.getByLabel("Client 2 name").fill("Ben Example");
        Chromium.screenshot(page, "schedule-form");
        page.getByRole(AriaRole.BUTTON, named("Schedule session")).click();

        assertThat(page.getByText("Session scheduled.")).isVisible();
        JsonNode sessions = Api.expect(200, api.send("GET", "/api/sessions", token, null));
        assertEquals(1, sessions.size());
        JsonNode session = sessions.get(0);
        Instant expected = ZonedDateTime.of(day, LocalTime.of(14, 30), BERLIN).toInstant();
        assertEquals(expected.toString(), session.get("startsAt").asText());
        assertEquals(expected.plus(Duration.ofMinutes(45)).toString(), session.get("endsAt").asText());
        assertEquals(List.of("Ann Example", "Ben Example"),
                session.get("clientLinks").findValuesAsText("name"));
        String ann = session.get("clientLinks").get(0).get("clientId").asText();
        assertEquals("ann@example.test",
                server.sessions().findParticipant(session.get("id").asText(), ann).orElseThrow().email());

        Locator card = card(session.get("id").asText());
        assertThat(page.locator("section.group", new Page.LocatorOptions().setHas(card))
                .getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Upcoming"))).isVisible();
        assertThat(card.getByRole(AriaRole.HEADING)).containsText("14:30\u201315:15");
        assertThat(card.locator(".state")).hasText("Scheduled");
        assertThat(card.getByText("Ann Example", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(card.getByText("Ben Example", new Locator.GetByTextOptions().setExact(true))).isVisible();
        // The form is ready for the next booking.
        assertThat(page.getByLabel("Client 1 name")).isEmpty();
        assertThat(page.getByLabel("Client 2 name")).hasCount(0);
        Chromium.screenshot(page, "dashboard");
    }

    @Test
    void a_bad_form_shows_errors_naming_the_fields_and_books_nothing() {
        signedIn();
        page.getByLabel("Length (minutes)").fill("500");
        page.getByRole(AriaRole.BUTTON, named("Remove client 1")).click();
        page.getByRole(AriaRole.BUTTON, named("Schedule session")).click();

        Locator errors = page.locator("#schedule-errors");
        assertThat(errors).isVisible();
        assertThat(errors).containsText("Length: must be a whole number of minutes from 1 to 240.");
        assertThat(errors).containsText("Clients: add at least one client");
        assertThat(page.getByLabel("Length (minutes)")).hasAttribute("aria-invalid", "true");

        page.getByLabel("Length (minutes)").fill("50");
        page.getByRole(AriaRole.BUTTON, named("Add client")).click();
        page.getByLabel("Client 1 email").fill("not an email");
        page.getByRole(AriaRole.BUTTON, named("Schedule session")).click();
        assertThat(errors).containsText("Client 1 name: enter a name.");
        assertThat(errors).containsText("Client 1 email: enter an email address");
        assertThat(errors).not().containsText("Length");

        assertEquals(0, Api.expect(200, api.send("GET", "/api/sessions", token, null)).size());
    }

    @Test
    void copy_link_puts_the_clients_join_link_on_the_clipboard_and_on_screen() {
        JsonNode session = api.schedule(token, server.clock().instant().plus(Duration.ofDays(1)), 50, "Ann", "Ben");
        signedIn();
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Locator card = card(session.get("id").asText());

        button(card, "Copy link for Ann").click();

        Locator field = page.getByRole(AriaRole.TEXTBOX, named("Link for Ann"));
        assertThat(field).isVisible();
        String link = field.inputValue();
        assertTrue(link.contains("/join#"), link);
        JoinClaims claims = claims(link);
        assertEquals(session.get("clientLinks").get(0).get("clientId").asText(), claims.participantId());
        assertEquals(Role.client, claims.role());
        assertEquals(link, page.evaluate("navigator.clipboard.readText()"));
        assertThat(page.getByText("Copied to the clipboard.")).isVisible();
    }

    @Test
    void reissue_shows_a_new_link_and_the_old_one_stops_working() {
        JsonNode session = api.schedule(token, server.clock().instant(), 50, "Ann");
        String sessionId = session.get("id").asText();
        String clientId = session.get("clientLinks").get(0).get("clientId").asText();
        String oldLink = session.get("clientLinks").get(0).get("link").asText();
        signedIn();
        Locator card = card(sessionId);

        page.onceDialog(dialog -> dialog.dismiss());
        button(card, "Reissue link for Ann").click();
        assertThat(page.getByRole(AriaRole.TEXTBOX, named("Link for Ann"))).isHidden();
        assertEquals(claims(oldLink).tokenId(), currentTokenId(sessionId, clientId), "dismissed: nothing changed");

        page.onceDialog(dialog -> dialog.accept());
        button(card, "Reissue link for Ann").click();
        assertThat(page.getByText("New link for Ann; the old one no longer works.")).isVisible();
        String newLink = page.getByRole(AriaRole.TEXTBOX, named("Link for Ann")).inputValue();

        assertNotEquals(oldLink, newLink);
        assertEquals(claims(newLink).tokenId(), currentTokenId(sessionId, clientId));
        assertNotEquals(claims(oldLink).tokenId(), currentTokenId(sessionId, clientId));
        try (SignalingClient old = SignalingClient.join(server.uri(), Api.tokenOf(oldLink))) {
            assertEquals("link-reissued", old.nextErrorCode(Duration.ofSeconds(5)));
        }
        try (SignalingClient fresh = SignalingClient.join(server.uri(), Api.tokenOf(newLink))) {
            assertEquals("waiting", fresh.nextOfType("welcome", Duration.ofSeconds(5)).get("state").asText());
        }
    }

    @Test
    void cancel_asks_first_then_marks_the_session_cancelled() {
        JsonNode session = api.schedule(token, server.clock().instant().plus(Duration.ofHours(2)), 50, "Ann");
        String sessionId = session.get("id").asText();
        signedIn();
        Locator card = card(sessionId);

        page.onceDialog(dialog -> dialog.dismiss());
        button(card, "Cancel session").click();
        assertThat(card.locator(".state")).hasText("Scheduled");
        assertEquals("scheduled", api.getSession(token, sessionId).get("status").asText());

        page.onceDialog(dialog -> dialog.accept());
        button(card, "Cancel session").click();
        assertThat(card(sessionId).locator(".state")).hasText("Cancelled");
        assertThat(button(card(sessionId), "Start session")).hasCount(0);
        assertThat(button(card(sessionId), "Copy link")).hasCount(0);
        assertEquals("cancelled", api.getSession(token, sessionId).get("status").asText());
    }

    @Test
    void start_session_opens_the_call_with_the_therapists_own_link() {
        JsonNode session = api.schedule(token, server.clock().instant(), 50, "Ann");
        signedIn();

        // The join page takes the token out of the address bar at once: read the URL it opened with.
        List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onFrameNavigated(frame -> opened.add(frame.url()));
        button(card(session.get("id").asText()), "Start session").click();

        page.waitForURL("**/join");
        String link = opened.stream().filter(url -> url.contains("/join#")).findFirst()
                .orElseThrow(() -> new AssertionError("never opened a join link: " + opened));
        JoinClaims claims = claims(link);
        assertEquals(session.get("id").asText(), claims.sessionId());
        assertEquals(Role.therapist, claims.role());
    }

    @Test
    void dashboard_fits_a_phone_screen() {
        api.schedule(token, server.clock().instant().plus(Duration.ofMinutes(30)), 50, "Ann Example", "Ben Example");
        signedIn(STAGE.phonePage());
        assertThat(button(page.locator("#sessions"), "Start session")).isVisible();

        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling on a 390px screen");
        Chromium.screenshot(page, "dashboard-phone");
    }

    @Test
    void the_form_takes_its_client_limit_from_the_server() {
        // The server's limits answer, narrowed: a page with its own copy of the number would not follow.
        BrowserContext narrowed = STAGE.context();
        narrowed.route("**/api/sessions/limits", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("application/json")
                .setBody("{\"maxClients\":2,\"maxMinutes\":240,\"maxPastStartMinutes\":60}")));
        signedIn(narrowed.newPage());

        assertThat(page.locator("#clients legend")).hasText("Clients (1 to 2)");
        page.getByRole(AriaRole.BUTTON, named("Add client")).click();
        assertThat(page.getByLabel("Client 2 name")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Add client"))).isDisabled();
    }
}
