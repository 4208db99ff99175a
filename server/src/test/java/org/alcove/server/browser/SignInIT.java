package org.alcove.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.alcove.server.browser.StaffPages.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(BrowserStage.TEST_SECONDS)
class SignInIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);
    private final TestServer server = STAGE.server();
    private final Page page = STAGE.page();

    @BeforeAll
    static void therapist() {
        STAGE.server().api().newTherapist("dr.lee@example.test");
    }

    private int meStatus() {
        return page.request().get(server.uri() + "/api/auth/me").status();
    }

    @Test
    void wrong_password_shows_the_error_and_stays_signed_out() {
        page.navigate(server.uri() + "/");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Sign in"))).isVisible();
        Chromium.screenshot(page, "sign-in");

        page.getByLabel("Email").fill("dr.lee@example.test");
        page.getByLabel("Password").fill("not-the-password");
        STAGE.expect(ExpectedConsoleError.refusedRequest("a wrong password is refused", "/api/auth/login", 401));
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Email or password is incorrect.");
        assertThat(page.getByLabel("Password")).isEmpty();
        assertTrue(page.url().endsWith("/"), page.url());
        assertEquals(401, meStatus());
        Chromium.screenshot(page, "sign-in-error");
    }

    @Test
    void before_its_script_runs_the_sign_in_form_cannot_send_the_password_anywhere() {
        // Held back: the page as it is before its module has run (slow network, blocked script).
        STAGE.expectConsoleError("the test aborts the page's script", Pattern.compile("net::ERR_FAILED .*/js/signin\\.js:"));
        page.route("**/js/signin.js", route -> route.abort());
        page.navigate(server.uri() + "/");
        page.getByLabel("Email").fill("dr.lee@example.test");
        page.getByLabel("Password").fill(StaffPages.THERAPIST_PASSWORD);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Sign in"))).isDisabled();
        page.getByLabel("Password").press("Enter");
        assertEquals(server.uri() + "/", page.url(), "nothing was submitted");
        // Every page's forms as served: none may fall back to GET, which puts fields in the URL.
        for (String path : List.of("/", "/dashboard.html", "/admin.html", "/join")) {
            List<?> methods = (List<?>) page.evaluate("async path => [...new DOMParser()"
                    + ".parseFromString(await (await fetch(path)).text(), 'text/html').forms].map(f => f.method)", path);
            assertTrue(!methods.isEmpty() || path.equals("/join"), "no forms found on " + path);
            for (Object method : methods) {
                assertTrue(method.equals("post") || method.equals("dialog"),
                        "a form on " + path + " would put its fields in the URL: " + method);
            }
        }
    }

    @Test
    void empty_form_asks_for_the_email_without_calling_the_server() {
        page.navigate(server.uri() + "/");
        long attempts = loginAttempts();
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Enter your email address.");
        assertThat(page.getByLabel("Email")).isFocused();
        assertEquals(attempts, loginAttempts());
    }

    private long loginAttempts() {
        return server.audit().withoutSession().stream().filter(e -> e.event().equals("auth.login")).count();
    }

    @Test
    void therapist_signs_in_to_the_dashboard_and_signs_out_for_good() {
        StaffPages.signIn(page, server, "DR.LEE@example.test", StaffPages.THERAPIST_PASSWORD);

        assertThat(page.locator("#who")).containsText("Therapist dr.lee@example.test");
        assertThat(page.getByRole(AriaRole.HEADING, named("Schedule a session"))).isVisible();
        assertEquals(200, meStatus());

        // Coming back to the sign-in page while signed in goes straight to the dashboard.
        page.navigate(server.uri() + "/");
        page.waitForURL("**/dashboard.html");

        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        page.waitForURL(server.uri() + "/");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Sign in"))).isVisible();
        assertEquals(401, meStatus());
        assertTrue(page.context().cookies().stream().allMatch(c -> c.value.isEmpty()),
                "the sign-in cookie is gone");

        page.navigate(server.uri() + "/dashboard.html");
        page.waitForURL(server.uri() + "/");
    }
}
