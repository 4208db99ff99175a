package org.alcove.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP API as a practice uses it (docs/api.md): the admin signs in and creates a therapist,
 * the therapist signs in and books sessions; the join tokens come from the links' fragments.
 */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI server;

    /** A booked session's join tokens, and its clients' participant ids in the same order. */
    public record Booking(String sessionId, String therapistToken, List<String> clientTokens, List<String> clientIds) {
    }

    public Api(URI server) {
        this.server = server;
    }

    /** Signs in; returns the bearer token. */
    public String login(String email, String password) {
        ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password);
        return call("POST", "/api/auth/login", null, body, 200).path("token").asText();
    }

    /** As the admin: creates a therapist account. */
    public void createTherapist(String adminToken, String email, String password) {
        ObjectNode body = JSON.createObjectNode().put("email", email).put("name", "Bench Therapist")
                .put("role", "therapist").put("password", password);
        call("POST", "/api/users", adminToken, body, 201);
    }

    /** As the therapist: books a session starting now with {@code clients} clients (1 to 5). */
    public Booking book(String therapistToken, int clients) {
        ObjectNode body = JSON.createObjectNode()
                .put("startsAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("durationMinutes", 240);
        ArrayNode list = body.putArray("clients");
        for (int i = 0; i < clients; i++) {
            list.addObject().put("name", "Client " + (i + 1));
        }
        JsonNode session = call("POST", "/api/sessions", therapistToken, body, 201);
        List<String> tokens = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode link : session.path("clientLinks")) {
            tokens.add(fragment(link.path("link").asText()));
            ids.add(link.path("clientId").asText());
        }
        return new Booking(session.path("id").asText(), fragment(session.path("therapistLink").asText()), tokens, ids);
    }

    private static String fragment(String link) {
        int hash = link.indexOf('#');
        if (hash < 0) {
            throw new IllegalStateException("a join link without a token");
        }
        return link.substring(hash + 1);
    }

    private JsonNode call(String method, String path, String bearer, JsonNode body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
