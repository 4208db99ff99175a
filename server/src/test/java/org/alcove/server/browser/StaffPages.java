package org.alcove.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alcove.server.testing.TestServer;

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

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }
}
