package org.alcove.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The HTTP API as tests use it. The typed helpers ({@link #login}, {@link #schedule}, ...) assert
 * the expected success status and return the parsed JSON; {@link #send} returns any response
 * for negative tests.
 */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public Api(URI base) {
        this(base, null);
    }

    /** @param trust which server certificates https accepts; {@code null} for the JDK's default trust */
    public Api(URI base, SSLContext trust) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (trust != null) {
            builder.sslContext(trust);
        }
        this.http = builder.build();
    }

    /** A raw response: status, headers and body, with the body parsed on demand. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /**
     * Sends a request. {@code token} becomes {@code Authorization: Bearer} when not null;
     * {@code body} is sent as application/json when not null; {@code extraHeaders} come last.
     */
    public Response send(String method, String path, String token, String body, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        extraHeaders.forEach(request::setHeader);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String token, String body) {
        return send(method, path, token, body, Map.of());
    }

    /** Signs in and returns the token. */
    public String login(String email, String password) {
        ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password);
        return expect(200, send("POST", "/api/auth/login", null, body.toString())).get("token").asText();
    }

    public String loginAdmin() {
        return login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    }

    /** Creates an account as the test admin; returns {@code {"id","email","name","role"}}. */
    public JsonNode createUser(String email, String name, String role, String password) {
        ObjectNode body = JSON.createObjectNode().put("email", email).put("name", name).put("role", role)
                .put("password", password);
        return expect(201, send("POST", "/api/users", loginAdmin(), body.toString()));
    }

    /** Creates a therapist with a fixed test password and returns their login token. */
    public String newTherapist(String email) {
        createUser(email, "Therapist " + email, "therapist", "therapist-password");
        return login(email, "therapist-password");
    }

    /** Books a session with one client per name (emails derived from the names). */
    public JsonNode schedule(String token, Instant startsAt, int minutes, String... clientNames) {
        ObjectNode body = JSON.createObjectNode().put("startsAt", startsAt.toString()).put("durationMinutes", minutes);
        ArrayNode clients = body.putArray("clients");
        for (String name : clientNames) {
            clients.addObject().put("name", name).put("email", name.replaceAll("\\W", "").toLowerCase() + "@example.test");
        }
        return expect(201, send("POST", "/api/sessions", token, body.toString()));
    }

    public JsonNode getSession(String token, String id) {
        return expect(200, send("GET", "/api/sessions/" + id, token, null));
    }

    public JsonNode cancel(String token, String id) {
        return expect(200, send("DELETE", "/api/sessions/" + id, token, null));
    }

    /** Reissues a client's link; returns {@code {"clientId","name","link"}}. */
    public JsonNode reissue(String token, String sessionId, String clientId) {
        return expect(200, send("POST", "/api/sessions/" + sessionId + "/clients/" + clientId + "/link", token, null));
    }

    /** The token in a join link ({@code <base>/join#<token>}). */
    public static String tokenOf(String link) {
        int hash = link.indexOf("/join#");
        if (hash < 0) {
            throw new AssertionError("not a join link: " + link);
        }
        return link.substring(hash + "/join#".length());
    }

    public static JsonNode expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : response.json();
    }
}
