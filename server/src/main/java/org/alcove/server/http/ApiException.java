package org.alcove.server.http;

import org.eclipse.jetty.http.HttpCookie;

/**
 * An error that becomes an RFC 9457 problem response. Each has a stable {@code code} (the last
 * part of the problem {@code type}) and a fixed {@code title}; {@code detail} and {@code field}
 * describe this occurrence and never echo secrets.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;
    private final String field;
    private final long retryAfterSeconds;
    private final transient HttpCookie cookie;

    public ApiException(int status, String code, String title, String detail, String field) {
        this(status, code, title, detail, field, 0, null);
    }

    private ApiException(int status, String code, String title, String detail, String field, long retryAfterSeconds,
                         HttpCookie cookie) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.cookie = cookie;
    }

    /** The same problem, answered with {@code cookie} set (to clear a credential the browser must stop sending). */
    public ApiException withCookie(HttpCookie cookie) {
        return new ApiException(status, code, title, getMessage(), field, retryAfterSeconds, cookie);
    }

    /** 429: too many failed attempts; try again after {@code retryAfterSeconds} (sent as Retry-After). */
    public static ApiException tooManyAttempts(long retryAfterSeconds) {
        return new ApiException(429, "too-many-attempts", "Too many failed sign-in attempts",
                "Wait before trying again.", null, Math.max(1, retryAfterSeconds), null);
    }

    /** 400: a field is missing, of the wrong type or out of range. */
    public static ApiException invalidField(String field, String detail) {
        return new ApiException(400, "invalid-field", "A field is missing or invalid", detail, field);
    }

    /** 400: a field the endpoint does not know. */
    public static ApiException unknownField(String field) {
        return new ApiException(400, "unknown-field", "The request has a field this endpoint does not accept",
                "Unknown field '" + field + "'.", field);
    }

    /** 400: the body is not one well-formed JSON document. */
    public static ApiException malformedJson(String detail) {
        return new ApiException(400, "malformed-json", "The request body is not valid JSON", detail, null);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "Sign-in required or failed",
                "Sign in with a valid email and password, or send a valid token.", null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Not allowed", detail, null);
    }

    public static ApiException notFound() {
        return new ApiException(404, "not-found", "Not found", "No such resource.", null);
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, "method-not-allowed", "Method not allowed",
                "This path does not accept that method.", null);
    }

    public static ApiException conflict(String code, String title, String detail) {
        return new ApiException(409, code, title, detail, null);
    }

    public static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "body-too-large", "The request body is too large",
                "The body may be at most " + maxBytes + " bytes.", null);
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(415, "unsupported-media-type", "The body must be JSON",
                "Send Content-Type: application/json.", null);
    }

    public int status() {
        return status;
    }

    /** A cookie to set with the problem, or {@code null}. */
    public HttpCookie cookie() {
        return cookie;
    }

    /** Seconds for a Retry-After header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The offending field's name or path ({@code clients[1].email}), or {@code null}. */
    public String field() {
        return field;
    }
}
