package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.LiveScenes;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.alcove.server.browser.StaffPages.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console in a real browser against a real server, with real signalling sockets as
 * the call's participants: the live view pushed over Server-Sent Events, ending a session and
 * removing a participant with a reason, accounts, the audit trail and its export, attendance.
 */
@Timeout(BrowserStage.TEST_SECONDS)
class AdminConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    // The paging test makes 105 failed sign-ins to fill the trail; it is not about throttling.
    @RegisterExtension
    static final BrowserStage STAGE = BrowserStage.withSettings(
            Map.of("auth.login-max-failures", "1000", "auth.login-max-failures-per-address", "1000"))
            .expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);
    private final TestServer server = STAGE.server();
    private final Api api = server.api();
    /** Each test's own accounts: the tests share the server. */
    private final int n = ACCOUNTS.incrementAndGet();
    private final String therapistEmail = "dr.lee" + n + "@example.test";
    private String therapistLogin;
    private Page page;
    private final List<SignalingClient> sockets = new java.util.ArrayList<>();

    /** A session booked through the API: ids and the tokens from its links. */
    private record Booking(String sessionId, String therapistId, String therapistToken, String clientId,
                           String clientToken) {
    }

    /**
     * The sockets still in a call leave it before they close, so that none lingers in its
     * reconnect grace into the next test's live view.
     */
    @AfterEach
    void leave() {
        for (SignalingClient socket : sockets) {
            if (socket.isOpen()) {
                socket.send(new ClientMessage.Leave());
            }
            socket.close();
        }
    }

    private Booking book(String therapistName, String clientName) {
        api.createUser(therapistEmail, therapistName, "therapist", StaffPages.THERAPIST_PASSWORD);
        therapistLogin = api.login(therapistEmail, StaffPages.THERAPIST_PASSWORD);
        JsonNode session = api.schedule(therapistLogin, server.clock().instant(), 50, clientName);
        String sessionId = session.get("id").asText();
        String therapistId = server.sessions().participants(sessionId).stream()
                .filter(p -> p.role() == Role.therapist).map(ParticipantRecord::id).findFirst().orElseThrow();
        JsonNode client = session.get("clientLinks").get(0);
        return new Booking(sessionId, therapistId, Api.tokenOf(session.get("therapistLink").asText()),
                client.get("clientId").asText(), Api.tokenOf(client.get("link").asText()));
    }

    private SignalingClient join(String token) {
        SignalingClient socket = SignalingClient.join(server.uri(), token);
        sockets.add(socket);
        socket.nextOfType("welcome", WAIT);
        return socket;
    }

    /** Therapist and client both in the call, by the socket stage's admitted-pair scene. */
    private SignalingClient[] inCall(Booking booking) {
        LiveScenes.Call call = LiveScenes.on(server).admitted(new BookedSession(booking.sessionId(),
                booking.therapistId(), booking.therapistToken(), List.of(booking.clientId()),
                List.of(booking.clientToken())), 0);
        sockets.add(call.therapist());
        sockets.add(call.client());
        return new SignalingClient[] {call.therapist(), call.client()};
    }

    /** Signs in as the admin through the form and follows the dashboard's link to the console. */
    private void openConsole(Page freshPage) {
        page = freshPage;
        StaffPages.signIn(page, server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin console")).click();
        page.waitForURL("**/admin.html");
        page.locator("#who:not(:empty)").waitFor();
    }

    private void openConsole() {
        openConsole(STAGE.page());
    }

    private Locator card(String sessionId) {
        return page.locator("article[data-session-id='" + sessionId + "']");
    }

    private Locator participantRow(String sessionId, String participantId) {
        return card(sessionId).locator("tr[data-participant-id='" + participantId + "']");
    }

    private Locator accountRow(String email) {
        return page.locator("#account-table tbody tr").filter(new Locator.FilterOptions().setHasText(email));
    }

    private Locator dialog() {
        return page.getByRole(AriaRole.DIALOG);
    }

    private static Locator.GetByRoleOptions name(String name) {
        return new Locator.GetByRoleOptions().setName(name);
    }

    @Test
    void the_live_view_follows_a_client_waiting_being_admitted_and_leaving_by_itself() {
        Booking booking = book("Dr Lee", "Ann");
        openConsole();
        assertThat(page.getByText("No active or waiting sessions right now.")).isVisible();

        SignalingClient client = join(booking.clientToken());

        Locator card = card(booking.sessionId());
        assertThat(card.getByRole(AriaRole.HEADING)).hasText("Dr Lee");
        assertThat(card.locator(".state")).hasText("Waiting");
        assertThat(card).containsText("0 therapists, 0 clients");
        Locator waitingRow = participantRow(booking.sessionId(), booking.clientId());
        assertThat(waitingRow.locator(".conn")).hasText("Waiting");
        Locator waited = waitingRow.locator(".waited");
        assertThat(waited).hasText(Pattern.compile("waiting \\d+ s"));
        String before = waited.textContent();
        assertThat(waited).not().hasText(before); // it ticks with no new event and no reload

        SignalingClient therapist = join(booking.therapistToken());
        assertThat(card.locator(".state")).hasText("In call");
        assertThat(card).containsText("1 therapist, 0 clients");
        assertThat(waitingRow.locator(".conn")).hasText("Waiting");
        assertThat(card.locator(".waiting-list")).containsText(booking.clientId());

        therapist.send(new ClientMessage.Admit(booking.clientId()));
        client.nextOfType("roster", WAIT);
        assertThat(card.locator(".state")).hasText("In call");
        assertThat(participantRow(booking.sessionId(), booking.clientId()).locator(".conn")).hasText("In call");
        assertThat(card).containsText("1 therapist, 1 client");
        assertThat(card.locator(".waited")).hasCount(0);

        client.send(new ClientMessage.Quality(booking.therapistId(), 41, 0.5, true));
        assertThat(participantRow(booking.sessionId(), booking.clientId()))
                .containsText("to therapist " + booking.therapistId() + ": 41 ms round trip, 0.5% loss, relayed");
        assertThat(participantRow(booking.sessionId(), booking.therapistId())).containsText("Therapist");
        Chromium.screenshot(page, "admin-live");

        client.send(new ClientMessage.Leave());
        assertThat(participantRow(booking.sessionId(), booking.clientId())).hasCount(0);
        assertThat(card).containsText("1 therapist, 0 clients");
        therapist.send(new ClientMessage.Leave());
        assertThat(card).hasCount(0);
        assertThat(page.getByText("No active or waiting sessions right now.")).isVisible();
    }

    @Test
    void a_dropped_live_stream_says_so_and_the_browser_reconnects_by_itself() {
        Booking booking = book("Dr Lee", "Ann");
        page = STAGE.page();
        // The first stream answers one empty view, asks for a retry in 1.5 s and ends, as a dropped
        // connection would; later ones reach the real server.
        AtomicInteger streams = new AtomicInteger();
        page.route("**/api/admin/live", route -> {
            if (streams.getAndIncrement() == 0) {
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/event-stream")
                        .setBody("retry: 1500\nevent: sessions\ndata: {\"at\":\"2030-01-31T14:00:00Z\",\"sessions\":[]}\n\n"));
            } else {
                route.resume();
            }
        });
        join(booking.therapistToken());
        StaffPages.signIn(page, server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        page.navigate(server.uri() + "/admin.html");

        assertThat(page.getByText("Live view reconnecting")).isVisible();
        assertThat(card(booking.sessionId())).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        assertThat(page.getByText("Live view reconnecting")).isHidden();
        assertTrue(streams.get() >= 2);
    }

    @Test
    void ending_a_session_asks_for_a_reason_and_tells_everyone_in_the_call() {
        Booking booking = book("Dr Lee", "Ann");
        SignalingClient[] call = inCall(booking);
        openConsole();
        Locator card = card(booking.sessionId());
        assertThat(card.locator(".state")).hasText("In call");

        card.getByRole(AriaRole.BUTTON, name("End session")).click();
        assertThat(dialog()).isVisible();
        assertThat(dialog().getByLabel("Reason")).isFocused();
        dialog().getByRole(AriaRole.BUTTON, name("End session")).click();
        assertThat(dialog().getByRole(AriaRole.ALERT)).hasText("Enter a reason.");
        dialog().getByLabel("Reason").fill("The therapist asked us to close the room.");
        dialog().getByRole(AriaRole.BUTTON, name("End session")).click();

        assertThat(page.getByText("Session " + booking.sessionId() + " ended.")).isVisible();
        JsonNode notice = call[0].nextOfType("admin-action", WAIT);
        assertEquals("ended", notice.path("action").asText());
        assertEquals("The therapist asked us to close the room.", notice.path("reason").asText());
        assertEquals("ended-by-admin", call[0].nextOfType("session-ended", WAIT).path("reason").asText());
        assertEquals("ended-by-admin", call[1].nextOfType("session-ended", WAIT).path("reason").asText());
        assertThat(card).hasCount(0);
        assertEquals("ended", api.getSession(therapistLogin, booking.sessionId()).path("status").asText());

        String adminId = Api.expect(200, api.send("GET", "/api/auth/me", api.loginAdmin(), null)).path("id").asText();
        JsonNode rows = Api.expect(200, api.send("GET", "/api/admin/audit?type=admin.session-ended&sessionId="
                + booking.sessionId(), api.loginAdmin(), null)).path("rows");
        assertEquals(1, rows.size());
        assertEquals(adminId, rows.get(0).path("actorId").asText());
        assertEquals("The therapist asked us to close the room.", rows.get(0).path("detail").asText());
    }

    @Test
    void removing_a_participant_asks_for_a_reason_and_the_therapist_is_told() {
        Booking booking = book("Dr Lee", "Ann");
        SignalingClient[] call = inCall(booking);
        openConsole();
        Locator row = participantRow(booking.sessionId(), booking.clientId());
        assertThat(row.locator(".conn")).hasText("In call");
        assertThat(participantRow(booking.sessionId(), booking.therapistId())
                .getByRole(AriaRole.BUTTON, name("Remove"))).hasCount(0);

        row.getByRole(AriaRole.BUTTON, name("Remove")).click();
        dialog().getByLabel("Reason").fill("Wrong person joined on this link.");
        dialog().getByRole(AriaRole.BUTTON, name("Cancel")).click();
        assertThat(dialog()).isHidden();
        assertThat(row).isVisible(); // cancelled: nothing happened

        row.getByRole(AriaRole.BUTTON, name("Remove")).click();
        assertThat(dialog().getByLabel("Reason")).isEmpty();
        dialog().getByLabel("Reason").fill("Wrong person joined on this link.");
        dialog().getByRole(AriaRole.BUTTON, name("Remove participant")).click();

        assertThat(page.getByText("Participant " + booking.clientId() + " removed")).isVisible();
        JsonNode notice = call[0].nextOfType("admin-action", WAIT);
        assertEquals("removed", notice.path("action").asText());
        assertEquals(booking.clientId(), notice.path("participantId").asText());
        assertEquals("Wrong person joined on this link.", notice.path("reason").asText());
        assertEquals("removed", call[1].nextErrorCode(WAIT));
        assertThat(row).hasCount(0);
        assertThat(card(booking.sessionId())).containsText("1 therapist, 0 clients");

        // Another admin ends the session while this one is still typing: the server's answer is shown.
        card(booking.sessionId()).getByRole(AriaRole.BUTTON, name("End session")).click();
        dialog().getByLabel("Reason").fill("Closing up.");
        Api.expect(204, api.send("POST", "/api/admin/sessions/" + booking.sessionId() + "/end", api.loginAdmin(),
                "{\"reason\":\"done\"}"));
        STAGE.expect(ExpectedConsoleError.refusedRequest("the session was ended meanwhile",
                "/api/admin/sessions/" + booking.sessionId() + "/end", 409));
        dialog().getByRole(AriaRole.BUTTON, name("End session")).click();
        assertThat(page.locator("#action-error")).not().isEmpty();
        String detail = Api.expect(409, api.send("POST", "/api/admin/sessions/" + booking.sessionId() + "/end",
                api.loginAdmin(), "{\"reason\":\"again\"}")).path("detail").asText();
        assertThat(page.locator("#action-error")).hasText(detail);
        assertThat(card(booking.sessionId())).hasCount(0);
    }

    @Test
    void disable_enable_and_password_reset_take_effect_at_once() {
        api.createUser("kim@example.test", "Dr Kim", "therapist", "first-password-123");
        String kimToken = api.login("kim@example.test", "first-password-123");
        openConsole();
        Locator kim = accountRow("kim@example.test");
        assertThat(kim).containsText("Dr Kim");
        assertThat(kim).containsText("Active");
        assertThat(accountRow(TestServer.ADMIN_EMAIL).getByRole(AriaRole.BUTTON, name("Disable"))).hasCount(0);

        kim.getByRole(AriaRole.BUTTON, name("Disable")).click();
        assertThat(dialog()).containsText("Disable Dr Kim (kim@example.test)?");
        dialog().getByRole(AriaRole.BUTTON, name("Disable")).click();
        assertThat(kim).containsText("Disabled");
        assertThat(page.getByText("Dr Kim is disabled.")).isVisible();
        assertEquals(401, api.send("GET", "/api/auth/me", kimToken, null).status());

        kim.getByRole(AriaRole.BUTTON, name("Enable")).click();
        dialog().getByRole(AriaRole.BUTTON, name("Enable")).click();
        assertThat(kim).containsText("Active");
        assertEquals(200, api.send("GET", "/api/auth/me", kimToken, null).status());

        kim.getByRole(AriaRole.BUTTON, name("Reset password")).click();
        dialog().getByLabel("New password").fill("short");
        dialog().getByRole(AriaRole.BUTTON, name("Set password")).click();
        assertThat(dialog().getByRole(AriaRole.ALERT)).hasText("The password must be at least 12 characters.");
        dialog().getByLabel("New password").fill("second-password-456");
        dialog().getByRole(AriaRole.BUTTON, name("Set password")).click();
        assertThat(page.getByText("Password reset for Dr Kim.")).isVisible();
        api.login("kim@example.test", "second-password-456");
        assertEquals(401, api.send("POST", "/api/auth/login", null,
                "{\"email\":\"kim@example.test\",\"password\":\"first-password-123\"}").status());

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Dr Rivera");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("rivera@example.test");
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("admin");
        page.getByLabel("Initial password").fill("rivera-password-789");
        page.getByRole(AriaRole.BUTTON, named("Create account")).click();
        assertThat(accountRow("rivera@example.test")).containsText("Admin");
        api.login("rivera@example.test", "rivera-password-789");
        Chromium.screenshot(page, "admin-accounts");
    }

    @Test
    void the_audit_trail_filters_by_session_and_exports_the_same_rows_as_csv() throws IOException, InterruptedException {
        Booking booking = book("Dr Lee", "Ann");
        Booking other = otherSession();
        SignalingClient[] call = inCall(booking);
        call[1].send(new ClientMessage.Leave());
        join(other.therapistToken());
        awaitAudit(booking.sessionId(), "room.left");
        openConsole();

        page.getByLabel("Session id").first().fill(booking.sessionId());
        page.getByLabel("Event type").fill("room.");
        page.getByRole(AriaRole.BUTTON, named("Show events")).click();
        Locator rows = page.locator("#audit-table tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("room.joined"))).hasCount(2);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("room.admitted"))).hasCount(1);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("room.left"))).hasCount(1);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(other.sessionId()))).hasCount(0);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("session.scheduled"))).hasCount(0);
        int shown = rows.count();
        Chromium.screenshot(page, "admin-audit");

        Locator csvLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV"));
        assertTrue(csvLink.getAttribute("href").contains("sessionId=" + booking.sessionId()));
        Download download = page.waitForDownload(csvLink::click);
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertEquals("seq,at,event,outcome,sessionId,participantId,role,actorId,detail,prevHash,hash", lines.get(0));
        assertEquals(shown, lines.size() - 1, "the export holds the rows on screen");
        assertTrue(lines.stream().skip(1).allMatch(line -> line.contains("," + booking.sessionId() + ",")
                && line.contains(",room.")), String.join("\n", lines));

        Locator jsonLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export JSON"));
        Download json = page.waitForDownload(jsonLink::click);
        JsonNode exported = Api.JSON.readTree(Files.readString(json.path()));
        assertEquals(shown, exported.path("rows").size());

        // A local date-time goes to the API as the UTC instant it names, on screen and in the exports.
        page.getByLabel("From").fill("2099-01-01T09:30");
        page.getByRole(AriaRole.BUTTON, named("Show events")).click();
        assertThat(page.locator("#audit-count")).hasText("No events match.");
        String instant = (String) page.evaluate("new Date('2099-01-01T09:30:00').toISOString()");
        assertTrue(csvLink.getAttribute("href").contains("from=" + URLEncoder.encode(instant, StandardCharsets.UTF_8)),
                csvLink.getAttribute("href"));
    }

    @Test
    void load_more_pages_through_the_trail_with_the_cursor() {
        for (int i = 0; i < 105; i++) {
            assertEquals(401, api.send("POST", "/api/auth/login", null,
                    "{\"email\":\"nobody@example.test\",\"password\":\"wrong-password\"}").status());
        }
        openConsole();
        int matching = Api.expect(200, api.send("GET", "/api/admin/audit?type=auth.", api.loginAdmin(), null))
                .path("rows").size(); // the failed ones, the browser's sign-in and the one for this count
        assertTrue(matching > 100, "more than one page: " + matching);

        page.getByLabel("Event type").fill("auth.");
        page.getByRole(AriaRole.BUTTON, named("Show events")).click();
        Locator rows = page.locator("#audit-table tbody tr");
        assertThat(rows).hasCount(100);
        assertThat(page.locator("#audit-count")).hasText("100 events shown; more match.");
        page.getByRole(AriaRole.BUTTON, named("Load more")).click();
        assertThat(rows).hasCount(matching);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Load more"))).isHidden();
        List<String> seqs = rows.locator("td:first-child").allTextContents();
        assertEquals(seqs.stream().distinct().count(), seqs.size(), "no row twice");
    }

    /** Room events are stored just after the fact; waits for one before reading the trail. */
    private void awaitAudit(String sessionId, String event) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.audit().forSession(sessionId).stream().noneMatch(e -> e.event().equals(event))) {
            assertTrue(System.nanoTime() < deadline, "no " + event + " stored");
            Thread.sleep(20);
        }
    }

    private Booking otherSession() {
        String token = api.newTherapist("other" + n + "@example.test");
        JsonNode session = api.schedule(token, server.clock().instant(), 50, "Ben");
        String sessionId = session.get("id").asText();
        return new Booking(sessionId, null, Api.tokenOf(session.get("therapistLink").asText()), null, null);
    }

    @Test
    void attendance_shows_who_was_present_when_and_for_how_long() {
        Booking booking = book("Dr Lee", "Ann Example");
        SignalingClient[] call = inCall(booking);
        openConsole();
        assertThat(card(booking.sessionId())).isVisible();
        server.clock().advance(Duration.ofMinutes(12));
        call[1].send(new ClientMessage.Leave());
        assertThat(participantRow(booking.sessionId(), booking.clientId())).hasCount(0);
        server.clock().advance(Duration.ofMinutes(3));

        card(booking.sessionId()).getByRole(AriaRole.BUTTON, name("Attendance")).click();
        assertThat(page.getByLabel("Session id").last()).hasValue(booking.sessionId());
        Locator table = page.locator("#attendance-table");
        Locator ann = table.locator("tr[data-participant-id='" + booking.clientId() + "']");
        assertThat(ann).containsText("Ann Example");
        assertThat(ann).containsText("Client");
        assertThat(ann).containsText("12 min");
        assertThat(ann).containsText("(left)");
        Locator lee = table.locator("tr[data-participant-id='" + booking.therapistId() + "']");
        assertThat(lee).containsText("Dr Lee");
        assertThat(lee).containsText("still present");
        assertThat(page.locator("#attendance-summary")).hasText(Pattern.compile("Everyone booked was together for 12 min"));
        Chromium.screenshot(page, "admin-attendance");

        page.getByLabel("Session id").last().fill("s_doesnotexist");
        STAGE.expect(ExpectedConsoleError.refusedRequest("there is no such session",
                "/api/sessions/s_doesnotexist/attendance", 404));
        page.getByRole(AriaRole.BUTTON, named("Show attendance")).click();
        assertThat(page.locator("#attendance-error")).hasText("No session with this id.");
    }

    @Test
    void names_with_markup_are_shown_as_text_even_on_a_phone() {
        String hostile = "<img src=x onerror=\"window.pwned=1\">";
        Booking booking = book(hostile, hostile);
        SignalingClient[] call = inCall(booking);
        call[1].send(new ClientMessage.Leave());
        openConsole(STAGE.phonePage());

        assertThat(card(booking.sessionId()).getByRole(AriaRole.HEADING)).hasText(hostile);
        assertThat(accountRow(therapistEmail)).containsText(hostile);
        page.getByLabel("Session id").last().fill(booking.sessionId());
        page.getByRole(AriaRole.BUTTON, named("Show attendance")).click();
        assertThat(page.locator("#attendance-table tr[data-participant-id='" + booking.clientId() + "']"))
                .containsText(hostile);
        assertEquals(0, page.locator("img").count(), "no element made from a name");
        assertEquals(Boolean.FALSE, page.evaluate("'pwned' in window"));

        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling on a 390px screen");
        Chromium.screenshot(page, "admin-phone");
    }

    @Test
    void only_admins_get_the_console() {
        api.newTherapist(therapistEmail);
        page = STAGE.page();
        page.navigate(server.uri() + "/admin.html");
        page.waitForURL(Pattern.compile(".*/(index\\.html)?$"));
        StaffPages.signIn(page, server, therapistEmail, StaffPages.THERAPIST_PASSWORD);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin console"))).isHidden();
        page.navigate(server.uri() + "/admin.html");
        page.waitForURL("**/dashboard.html");
        assertNotEquals("", page.locator("#who").textContent());
    }
}
