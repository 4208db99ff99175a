package org.alcove.server.http;

import org.eclipse.jetty.http.HttpCookie;

import java.util.List;

/**
 * What a route answers: a status, a body serialised as JSON ({@code null} for none) and cookies
 * to set.
 */
public record Reply(int status, Object body, List<HttpCookie> cookies) {

    public static Reply ok(Object body) {
        return new Reply(200, body, List.of());
    }

    public static Reply created(Object body) {
        return new Reply(201, body, List.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, List.of());
    }

    public Reply withCookie(HttpCookie cookie) {
        return new Reply(status, body, List.of(cookie));
    }
}
