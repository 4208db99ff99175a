package org.alcove.server.ops;

import org.alcove.server.http.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /metrics}: the Prometheus text exposition written by Micrometer. A handler of its
 * own because the API router only speaks JSON. With {@code ops.metrics-token} set, the request
 * must carry {@code Authorization: Bearer <token>}; other requests are declined (next handler).
 */
public final class MetricsEndpoint extends Handler.Abstract {
    static final String PATH = "/metrics";
    /** Prometheus text format 0.0.4, which every scraper accepts. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final byte[] expected;
    private final Json json;

    /** @param token the bearer token scrapers must send, or {@code null} for none */
    public MetricsEndpoint(Metrics metrics, String token, Json json) {
        this.metrics = metrics;
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            problem(response, callback, 405, "method-not-allowed", "Method not allowed");
            return true;
        }
        if (!authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            problem(response, callback, 401, "unauthorized", "A valid metrics token is required");
            return true;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        metrics.scrape(body, CONTENT_TYPE);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body.toByteArray()), callback);
        return true;
    }

    private boolean authorized(String header) {
        if (expected == null) {
            return true;
        }
        // Constant-time comparison: the token must not leak through response timing.
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }

    private void problem(Response response, Callback callback, int status, String code, String title) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:alcove:problem:" + code);
        problem.put("title", title);
        problem.put("status", status);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(json.write(problem)), callback);
    }
}
