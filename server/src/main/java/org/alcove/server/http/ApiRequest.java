package org.alcove.server.http;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A routed request: path parameters, headers, cookies and a size-limited strict JSON body. */
public final class ApiRequest {
    private final Request request;
    private final Map<String, String> pathParams;
    private final Json json;
    /** How many times the body limit is read and discarded to deliver a clean 413. */
    private static final int DRAIN_FACTOR = 16;

    private final int maxBodyBytes;
    private byte[] body = new byte[0];

    ApiRequest(Request request, Map<String, String> pathParams, Json json, int maxBodyBytes) {
        this.request = request;
        this.pathParams = pathParams;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The peer's address, for throttling only: never logged or stored. */
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    public String method() {
        return request.getMethod();
    }

    /** A {@code {name}} segment of the matched path pattern. */
    public String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no parameter " + name);
        }
        return value;
    }

    /** A query parameter; absent when missing or empty. */
    public Optional<String> query(String name) {
        String value = Request.extractQueryParameters(request).getValue(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    public Optional<String> cookie(String name) {
        List<HttpCookie> cookies = Request.getCookies(request);
        return cookies.stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** {@code scheme://host[:port]} this request was sent to, for same-origin checks. */
    public String origin() {
        HttpURI uri = request.getHttpURI();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = request.getHeaders().get(HttpHeader.HOST);
        if (authority == null) {
            authority = uri.getAuthority();
        }
        return scheme + "://" + (authority == null ? "" : authority.toLowerCase(Locale.ROOT));
    }

    /** The JSON body as {@code type}: 415 unless JSON, 400 if malformed (413 came before the route ran). */
    public <T> T body(Class<T> type) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mime = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json")) {
            throw ApiException.unsupportedMediaType();
        }
        return json.read(body, type);
    }

    /**
     * Reads the whole body, up to the limit, before the route runs: past the limit, declared or
     * chunked, the answer is 413 and no route runs, whether or not it would have read a body.
     * The body is always consumed, so the connection stays usable for the client's next request.
     */
    void readBody() {
        body = bytes();
    }

    private byte[] bytes() {
        long declared = request.getLength();
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > maxBodyBytes) {
                throw tooLarge(in, declared);
            }
            byte[] read = in.readNBytes(maxBodyBytes + 1);
            if (read.length > maxBodyBytes) {
                throw tooLarge(in, declared);
            }
            return read;
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body could not be read.");
        }
    }

    /**
     * Reads and drops a moderately oversized body before answering 413: a client still sending
     * when the connection closes gets a reset instead of the answer. Past {@link #DRAIN_FACTOR}
     * times the limit the body is left unread and the connection simply closes.
     */
    private ApiException tooLarge(InputStream in, long declared) throws IOException {
        long budget = (long) maxBodyBytes * DRAIN_FACTOR;
        if (declared <= budget) {
            byte[] sink = new byte[8192];
            long drained = 0;
            int n;
            while (drained < budget && (n = in.read(sink, 0, (int) Math.min(sink.length, budget - drained))) > 0) {
                drained += n;
            }
        }
        return ApiException.tooLarge(maxBodyBytes);
    }
}
