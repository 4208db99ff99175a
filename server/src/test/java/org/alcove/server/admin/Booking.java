package org.alcove.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.Role;

import java.util.ArrayList;
import java.util.List;

/** A session booked through the API by a therapist, with the tokens from its links. */
record Booking(String sessionId, String therapistParticipantId, String therapistToken, List<String> clientIds,
               List<String> clientTokens) {

    static Booking book(TestServer server, String therapistLogin, String... clientNames) {
        JsonNode session = server.api().schedule(therapistLogin, server.clock().instant(), 50, clientNames);
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (JsonNode client : session.path("clientLinks")) {
            ids.add(client.path("clientId").asText());
            tokens.add(Api.tokenOf(client.path("link").asText()));
        }
        String sessionId = session.path("id").asText();
        String therapistId = server.server().sessions().participants(sessionId).stream()
                .filter(p -> p.role() == Role.therapist).findFirst().orElseThrow().id();
        return new Booking(sessionId, therapistId, Api.tokenOf(session.path("therapistLink").asText()), ids, tokens);
    }

    String clientId(int i) {
        return clientIds.get(i);
    }

    String clientToken(int i) {
        return clientTokens.get(i);
    }
}
