package org.alcove.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.TestServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Steps the staff-side browser tests share: signing in through the real form. */
final class StaffPages {
    static final String THERAPIST_PASSWORD = "therapist-password";

    private StaffPages() {
    }

    /** Opens the sign-in page, signs in and waits for the dashboard to show who is signed in. */
    static void signIn(Page page, TestServer server, String email, String password) {
        page.navigate(server.uri() + "/");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/dashboard.html");
        page.locator("#who:not(:empty)").waitFor();
    }

    /**
     * Collects what must never happen on a page: an uncaught script error, or anything the
     * Content-Security-Policy refused (an inline script or style would be).
     */
    static List<String> problems(Page page) {
        List<String> problems = new CopyOnWriteArrayList<>();
        page.onPageError(error -> problems.add("uncaught: " + error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                problems.add(message.text());
            }
        });
        return problems;
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }
}
