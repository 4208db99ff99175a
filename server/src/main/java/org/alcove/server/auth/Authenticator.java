package org.alcove.server.auth;

import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.ApiRequest;
import org.eclipse.jetty.http.HttpCookie;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the caller of an API request from {@code Authorization: Bearer} or the
 * {@value #COOKIE} cookie. A cookie is sent by the browser on its own, so a state-changing
 * request that relies on it must also carry a same-origin {@code Origin} header (CSRF defence on
 * top of SameSite=Strict). The account is looked up on every request, so a deleted or disabled
 * account or a changed role takes effect at once. A refused cookie is cleared in the 401, so a
 * browser stops sending a credential that will never work again (expired, forged, or signed
 * with a key the server no longer has).
 */
public final class Authenticator {
    public static final String COOKIE = "alcove_session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final LoginTokens tokens;
    private final UserStore users;
    private final Supplier<URI> publicUrl;

    public Authenticator(LoginTokens tokens, UserStore users, Supplier<URI> publicUrl) {
        this.tokens = tokens;
        this.users = users;
        this.publicUrl = publicUrl;
    }

    /** The caller, or 401 (no or bad credential), or 403 (cookie without a same-origin Origin). */
    public Caller require(ApiRequest request) {
        Optional<String> authorization = request.header("Authorization");
        String token;
        boolean viaCookie;
        if (authorization.isPresent()) {
            String value = authorization.get();
            if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiException.unauthorized();
            }
            token = value.substring(7).trim();
            viaCookie = false;
        } else {
            token = request.cookie(COOKIE).orElseThrow(ApiException::unauthorized);
            viaCookie = true;
        }
        Supplier<ApiException> refused = viaCookie
                ? () -> ApiException.unauthorized().withCookie(cookie("", 0, secure()))
                : ApiException::unauthorized;
        LoginClaims claims = tokens.verify(token).orElseThrow(refused);
        // Looked up on every request: a disabled or deleted account's tokens stop working at once.
        User user = users.find(claims.userId()).filter(u -> !u.disabled()).orElseThrow(refused);
        if (viaCookie && !SAFE_METHODS.contains(request.method()) && !sameOrigin(request)) {
            throw ApiException.forbidden("A cookie-authenticated change needs a same-origin Origin header.");
        }
        return new Caller(user.id(), user.role(), user.name());
    }

    /**
     * Refuses (403) a request whose {@code Origin} names another site, for the routes a browser
     * calls without being signed in (sign-in, sign-out) where the cookie rule has nothing to hold
     * on to. A browser always sends {@code Origin} on a POST, so another site's page can neither
     * sign a visitor out nor into an account of the attacker's choosing; a script that sends no
     * {@code Origin} is not a browser acting for someone else.
     */
    public void refuseCrossSite(ApiRequest request) {
        if (request.header("Origin").isPresent() && !sameOrigin(request)) {
            throw ApiException.forbidden("A change from another site is not accepted.");
        }
    }

    /** The caller if they are an admin; 401 or 403 otherwise. */
    public Caller requireAdmin(ApiRequest request) {
        Caller caller = require(request);
        if (caller.role() != AccountRole.admin) {
            throw ApiException.forbidden("Only an admin may do this.");
        }
        return caller;
    }

    /** The session cookie holding {@code value}; an empty value with max-age 0 clears it. */
    static HttpCookie cookie(String value, long maxAgeSeconds, boolean secure) {
        return HttpCookie.build(COOKIE, value)
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .path("/")
                .secure(secure)
                .maxAge(maxAgeSeconds)
                .build();
    }

    private boolean secure() {
        return "https".equals(publicUrl.get().getScheme());
    }

    private boolean sameOrigin(ApiRequest request) {
        Optional<String> origin = request.header("Origin").map(o -> o.trim().toLowerCase(Locale.ROOT));
        if (origin.isEmpty()) {
            return false;
        }
        return origin.get().equals(origin(publicUrl.get())) || origin.get().equals(request.origin());
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
