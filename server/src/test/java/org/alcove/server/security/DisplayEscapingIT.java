package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.browser.BrowserStage;
import org.alcove.server.browser.ExpectedConsoleError;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Names, chat lines and an admin's reason written as markup, shown by every page that displays
 * them, in a real Chromium: each must appear as literal text. A page fails if any {@code <img>}
 * or {@code <script>} element is ever created, any dialog opens, a script error is thrown or the
 * Content-Security-Policy refuses something.
 */
@Adversarial
@Timeout(BrowserStage.TEST_SECONDS)
class DisplayEscapingIT {
    private static final String THERAPIST_NAME = "<img src=x onerror=alert(1)>Dr \"Bobby\" Tables'); DROP TABLE users;--";
    private static final String CLIENT_NAME = "<img src=x onerror=alert(2)>\"Robert'); DROP TABLE sessions;--";
    private static final String CHAT = "<script>alert(3)</script><img src=x onerror=alert(3)> & hi";
    private static final String REASON = "<img src=x onerror=alert(4)> closing</textarea><script>alert(4)</script>";
    private static final String PASSWORD = "therapist-password-long";
    /** Records every element a page creates that markup in the text would have created. */
    private static final String WATCH = """
            window.__injected = [];
            new MutationObserver(records => {
              for (const r of records) for (const n of r.addedNodes) {
                if (n.nodeType !== 1) continue;
                for (const e of [n, ...n.querySelectorAll('*')]) {
                  if (e.matches('img, script:not([src])') || [...e.attributes].some(a => a.name.startsWith('on'))) {
                    window.__injected.push(e.outerHTML.slice(0, 120));
                  }
                }
              }
            }).observe(document, {subtree: true, childList: true});
            """;

    /** The browser and its checks of every page (script errors, CSP refusals); the arena is the server. */
    @RegisterExtension
    static final BrowserStage STAGE = BrowserStage.browserOnly().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<Page> pages = new ArrayList<>();

    @BeforeAll
    static void patience() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    /**
     * Attack: markup in a therapist's account name, a client's name, a chat line and an admin's
     * reason. Outcome: the dashboard, the call page (waiting notice, admit button, video labels,
     * chat), the admin console (live view, audit trail) and the therapist's end notice show it
     * as text; nothing is injected, no dialog opens.
     */
    @Test
    void hostile_names_chat_and_reasons_are_shown_as_text_on_every_page() {
        try (Arena arena = Arena.start()) {
            Api api = arena.api();
            api.createUser("tables@example.test", THERAPIST_NAME, "therapist", PASSWORD);
            String login = api.login("tables@example.test", PASSWORD);
            JsonNode session = api.schedule(login, arena.now(), 50, CLIENT_NAME);
            String sessionId = session.path("id").asText();
            String therapistToken = Api.tokenOf(session.path("therapistLink").asText());
            String clientToken = Api.tokenOf(session.path("clientLinks").get(0).path("link").asText());

            Page therapist = page();
            signIn(therapist, arena, "tables@example.test", PASSWORD);
            assertThat(therapist.locator("#who")).containsText(THERAPIST_NAME);
            assertThat(therapist.locator("article[data-session-id='" + sessionId + "']")).containsText(CLIENT_NAME);

            therapist.navigate(arena.uri() + "/join#" + therapistToken);
            passDeviceCheck(therapist);
            Page client = page();
            client.navigate(arena.uri() + "/join#" + clientToken);
            passDeviceCheck(client);
            assertThat(therapist.locator("#waiting-notice")).containsText(CLIENT_NAME + " is waiting");
            therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Admit " + CLIENT_NAME)).click();
            assertThat(figure(therapist, CLIENT_NAME)).isVisible();
            assertThat(figure(client, THERAPIST_NAME + " (therapist)")).isVisible();
            sayOnceDelivered(therapist, CHAT);
            assertThat(client.locator("#chat-log")).containsText(CHAT);
            sayOnceDelivered(client, CHAT);
            assertThat(therapist.locator("#chat-log")).containsText(CLIENT_NAME + ": " + CHAT);

            Page admin = page();
            signIn(admin, arena, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
            admin.navigate(arena.uri() + "/admin.html");
            Locator card = admin.locator("article[data-session-id='" + sessionId + "']");
            assertThat(card).containsText(THERAPIST_NAME);
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
            Locator dialog = admin.getByRole(AriaRole.DIALOG);
            dialog.getByLabel("Reason").fill(REASON);
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
            assertThat(therapist.getByText(REASON).first()).isVisible();

            admin.getByLabel("Session id").first().fill(sessionId);
            admin.getByLabel("Event type").fill("admin.");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show events")).click();
            assertThat(admin.locator("#audit-table tbody tr")).containsText(new String[] {REASON});

            for (Page page : pages) {
                assertEquals(List.of(), page.evaluate("() => window.__injected"), "markup was injected into " + page.url());
                assertEquals(0, page.locator("img").count(), "an <img> element exists on " + page.url());
            }
            assertEquals(List.of(), dialogs, "dialogs opened");
            arena.bystander().assertUndisturbed();
            // Closed while the arena still runs: pages left open would see its server go away.
            pages.forEach(page -> page.context().close());
        }
    }

    /** A page in its own profile, watched for injected elements and dialogs (the stage watches the rest). */
    private Page page() {
        BrowserContext context = STAGE.context();
        context.addInitScript(WATCH);
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onDialog(dialog -> {
            dialogs.add("dialog: " + dialog.message());
            dialog.dismiss();
        });
        pages.add(page);
        return page;
    }

    private static void signIn(Page page, Arena arena, String email, String password) {
        page.navigate(arena.uri() + "/");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/dashboard.html");
        page.locator("#who:not(:empty)").waitFor();
    }

    private static void passDeviceCheck(Page page) {
        Locator join = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join").setExact(true));
        assertThat(join).isEnabled();
        join.click();
    }

    private static Locator figure(Page page, String name) {
        return page.getByRole(AriaRole.FIGURE, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Sends a chat line as a user would until the page stops saying "not delivered": a tile shows
     * as soon as the peer is known, while chat needs the data channel of the connection itself.
     */
    private static void sayOnceDelivered(Page page, String text) {
        Locator undelivered = page.locator("#chat-log").getByText("not delivered");
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int tries = 1; ; tries++) {
            say(page, text);
            page.waitForTimeout(100);
            if (undelivered.count() < tries) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("chat not delivered within 30 s");
            }
            page.waitForTimeout(200);
        }
    }

    private static void say(Page page, String text) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Chat message")).fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    }
}
