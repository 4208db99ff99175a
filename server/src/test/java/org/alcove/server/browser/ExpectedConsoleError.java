package org.alcove.server.browser;

import java.util.regex.Pattern;

/**
 * A console error a browser test expects, by why it is expected and what it looks like: the text
 * Chromium logs, followed by the address of what it concerns (for a refused request, the
 * request's own address). Narrow on purpose: one message, or one path and one status.
 */
public record ExpectedConsoleError(String why, Pattern looksLike) {
    /** Every page: Chromium asks for an icon by itself, and the site has none. */
    static final ExpectedConsoleError NO_FAVICON = refusedRequest(
            "Chromium asks every site for /favicon.ico by itself; Alcove has no icon", "/favicon.ico", 404);

    /**
     * A staff page opened while nobody is signed in asks the server who is and is answered 401;
     * the sign-in page does so on every visit, by design.
     */
    public static final ExpectedConsoleError NOBODY_SIGNED_IN = refusedRequest(
            "staff pages ask who is signed in; signed out, the answer is 401", "/api/auth/me", 401);

    public ExpectedConsoleError {
        if (why.isBlank()) {
            throw new IllegalArgumentException("an expected error says why it is expected");
        }
    }

    /** Chromium's "Failed to load resource" for a request to {@code path} the server answered with {@code status}. */
    public static ExpectedConsoleError refusedRequest(String why, String path, int status) {
        return new ExpectedConsoleError(why, Pattern.compile("^Failed to load resource: the server responded with a status of "
                + status + " .* https?://[^/]+" + Pattern.quote(path) + ":\\d+:\\d+$"));
    }

    boolean matches(String textAndLocation) {
        return looksLike.matcher(textAndLocation).find();
    }
}
