package org.alcove.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session as the product runs it: a therapist signs in over HTTP and books one client, both
 * join over real sockets with the tokens from their links, and the therapist admits the client.
 */
record ScriptedCall(String sessionId, String therapistLogin, String therapistId, String clientId,
                    String therapistToken, String clientToken, SignalingClient therapist, SignalingClient client)
        implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicInteger THERAPISTS = new AtomicInteger();

    static ScriptedCall admitted(TestServer server, String clientName) {
        Api api = server.api();
        String login = api.newTherapist("ops-therapist" + THERAPISTS.incrementAndGet() + "@example.test");
        JsonNode session = api.schedule(login, server.clock().instant(), 50, clientName);
        String therapistToken = Api.tokenOf(session.path("therapistLink").asText());
        JsonNode link = session.path("clientLinks").get(0);
        String clientToken = Api.tokenOf(link.path("link").asText());
        String clientId = link.path("clientId").asText();

        SignalingClient therapist = SignalingClient.join(server.uri(), therapistToken);
        String therapistId = therapist.nextOfType("welcome", WAIT).path("participantId").asText();
        SignalingClient client = SignalingClient.join(server.uri(), clientToken);
        client.nextOfType("welcome", WAIT);
        therapist.nextOfType("waiting-list", WAIT);
        therapist.send(new ClientMessage.Admit(clientId));
        client.nextOfType("roster", WAIT);
        therapist.nextOfType("peer-joined", WAIT);
        return new ScriptedCall(session.path("id").asText(), login, therapistId, clientId, therapistToken,
                clientToken, therapist, client);
    }

    @Override
    public void close() {
        therapist.close();
        client.close();
    }
}
