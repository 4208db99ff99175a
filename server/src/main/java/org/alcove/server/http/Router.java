package org.alcove.server.http;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatches {@code METHOD /path/{param}} routes and is the one place that renders replies and
 * problem+json errors. Paths under {@code /api/} that match nothing get a 404 problem; any
 * other unmatched path is left to the next handler (WebSocket, static files).
 */
public final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String PROBLEM_TYPE_PREFIX = "urn:alcove:problem:";

    private record Entry(String method, String pattern, String[] segments, Route route) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Json json;
    private final int maxBodyBytes;

    public Router(Json json, int maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Router add(String method, String pattern, Route route) {
        entries.add(new Entry(method, pattern, split(pattern), route));
        return this;
    }

    /**
     * Every registered route as {@code "METHOD /pattern"}, in registration order, so a test can
     * hold every route to a rule (no new route escapes the CSRF or body-limit checks unnoticed).
     */
    public List<String> routes() {
        return entries.stream().map(entry -> entry.method() + " " + entry.pattern()).toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String[] segments = split(path);
        boolean pathMatched = false;
        for (Entry entry : entries) {
            Map<String, String> params = match(entry.segments(), segments);
            if (params == null) {
                continue;
            }
            pathMatched = true;
            if (entry.method().equals(request.getMethod())) {
                dispatch(entry, new ApiRequest(request, params, json, maxBodyBytes), response, callback);
                return true;
            }
        }
        if (pathMatched) {
            problem(ApiException.methodNotAllowed(), response, callback);
            return true;
        }
        if (path.startsWith("/api/") || path.equals("/api")) {
            problem(ApiException.notFound(), response, callback);
            return true;
        }
        return false;
    }

    private void dispatch(Entry entry, ApiRequest request, Response response, Callback callback) {
        Reply reply;
        try {
            request.readBody();
            reply = entry.route().handle(request);
        } catch (ApiException e) {
            problem(e, response, callback);
            return;
        } catch (Exception e) {
            // Messages can carry request data; the class and route are enough at ERROR.
            LOG.error("unhandled {} on {} {}", e.getClass().getSimpleName(), entry.method(), entry.pattern());
            LOG.debug("unhandled error detail", e);
            problem(new ApiException(500, "internal-error", "Internal server error",
                    "The server could not complete the request.", null), response, callback);
            return;
        }
        for (HttpCookie cookie : reply.cookies()) {
            Response.addCookie(response, cookie);
        }
        if (reply.stream() != null) {
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            reply.stream().start(response, callback);
            return;
        }
        byte[] body = reply.body() == null ? null : json.write(reply.body());
        write(response, reply.status(), "application/json", body, callback);
    }

    private void problem(ApiException e, Response response, Callback callback) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE_PREFIX + e.code());
        problem.put("title", e.title());
        problem.put("status", e.status());
        problem.put("detail", e.detail());
        if (e.field() != null) {
            problem.put("field", e.field());
        }
        if (e.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (e.cookie() != null) {
            Response.addCookie(response, e.cookie());
        }
        write(response, e.status(), "application/problem+json", json.write(problem), callback);
    }

    private static void write(Response response, int status, String contentType, byte[] body, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (body == null) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}
