package org.alcove.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.signaling.protocol.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A session booked through {@code POST /api/sessions} as its therapist would book it, with the
 * tokens from the links the answer carries: the session id, the therapist's seat and token, and
 * one seat and token per client, in booking order.
 */
public record BookedSession(String sessionId, String therapistId, String therapistToken, List<String> clientIds,
                            List<String> clientTokens) {

    /** Books with one client per name (emails derived from the names) and reads the links. */
    public static BookedSession book(TestServer server, String therapistLogin, Instant startsAt, int minutes,
                                     String... clientNames) {
        JsonNode session = server.api().schedule(therapistLogin, startsAt, minutes, clientNames);
        String sessionId = session.path("id").asText();
        List<String> clientIds = new ArrayList<>();
        List<String> clientTokens = new ArrayList<>();
        for (JsonNode client : session.path("clientLinks")) {
            clientIds.add(client.path("clientId").asText());
            clientTokens.add(Api.tokenOf(client.path("link").asText()));
        }
        // The therapist's seat id is not in the answer (only their link), so it comes from the store.
        String therapistId = server.sessions().participants(sessionId).stream()
                .filter(participant -> participant.role() == Role.therapist)
                .map(ParticipantRecord::id).findFirst().orElseThrow();
        return new BookedSession(sessionId, therapistId, Api.tokenOf(session.path("therapistLink").asText()),
                List.copyOf(clientIds), List.copyOf(clientTokens));
    }

    public String clientId(int index) {
        return clientIds.get(index);
    }

    public String clientToken(int index) {
        return clientTokens.get(index);
    }
}
