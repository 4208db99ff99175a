package org.alcove.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds the browser hardening headers to every response, API, static file and error alike, so no
 * page can be framed, sniffed, leak its URL in a Referer, or load anything from elsewhere.
 */
public final class SecurityHeaders extends Handler.Wrapper {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Permissions-Policy", "camera=(self), microphone=(self)");
        return super.handle(request, response, callback);
    }
}
