package org.alcove.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Adds the browser hardening headers to every response, API, static file and error alike, so no
 * page can be framed, sniffed, leak its URL in a Referer, or load anything from elsewhere. When
 * the server serves TLS itself it also sends HSTS, so a browser never again tries it over plain
 * HTTP. Without {@code includeSubDomains}: other hosts under the same domain are not ours to
 * force onto HTTPS. Behind a TLS-terminating proxy, HSTS is the proxy's to send.
 */
public final class SecurityHeaders extends Handler.Wrapper {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final boolean tls;

    public SecurityHeaders(Handler handler) {
        this(handler, false);
    }

    /** @param tls whether this server's own listener is HTTPS (then HSTS is sent too) */
    public SecurityHeaders(Handler handler, boolean tls) {
        super(handler);
        this.tls = tls;
    }

    /**
     * Jetty's error page writer with the same headers, for errors answered outside the handler
     * tree (a request line or header the parser refused: 400, 414, 431) and without stack traces.
     */
    public static ErrorHandler errorHandler(boolean tls) {
        ErrorHandler errors = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                apply(response.getHeaders(), tls);
                return super.handle(request, response, callback);
            }
        };
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        return errors;
    }

    private static void apply(HttpFields.Mutable headers, boolean tls) {
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Permissions-Policy", "camera=(self), microphone=(self)");
        if (tls) {
            headers.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(response.getHeaders(), tls);
        return super.handle(request, response, callback);
    }
}
