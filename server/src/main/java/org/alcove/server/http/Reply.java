package org.alcove.server.http;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;

/**
 * What a route answers: a status, a body serialised as JSON ({@code null} for none) and cookies
 * to set; or, for a long-lived response such as Server-Sent Events, a {@link Stream} that takes
 * over the response once the route has checked access and input.
 */
public record Reply(int status, Object body, List<HttpCookie> cookies, Stream stream) {

    /** Writes a response that stays open; it must complete {@code callback} when it ends. */
    @FunctionalInterface
    public interface Stream {
        void start(Response response, Callback callback);
    }

    public Reply(int status, Object body, List<HttpCookie> cookies) {
        this(status, body, cookies, null);
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, List.of());
    }

    public static Reply created(Object body) {
        return new Reply(201, body, List.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, List.of());
    }

    /** A 200 whose body is written by {@code stream} (after the usual API headers are set). */
    public static Reply stream(Stream stream) {
        return new Reply(200, null, List.of(), stream);
    }

    public Reply withCookie(HttpCookie cookie) {
        return new Reply(status, body, List.of(cookie), stream);
    }
}
