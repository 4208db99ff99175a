package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.protocol.ServerMessage.IceServer;
import org.alcove.signaling.protocol.ServerMessage.IceTransportPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who receives ICE configuration, when, and with which expiry. */
class IceConfigTest {
    /** Hands out a fake TURN credential naming its participant and expiry, and remembers each request. */
    private final List<String> issued = new ArrayList<>();
    private final IceConfig ice = new IceConfig() {
        @Override
        public List<IceServer> serversFor(String participantId, Instant expiresAt) {
            issued.add(participantId);
            return List.of(new IceServer(List.of("turn:turn.example.org"), expiresAt.getEpochSecond() + ":" + participantId,
                    "credential-of-" + participantId));
        }

        @Override
        public IceTransportPolicy transportPolicy() {
            return IceTransportPolicy.relay;
        }
    };
    private final Scene scene = new Scene(RoomPolicy.DEFAULT, ice);

    @Test
    void the_therapist_gets_its_own_ice_servers_and_the_transport_policy_in_its_roster() {
        Conn t = new Conn("t");
        ServerMessage.Roster roster = only(scene.join(t, scene.therapist), t, ServerMessage.Roster.class);

        assertEquals(List.of("t-1"), issued);
        assertEquals(IceTransportPolicy.relay, roster.iceTransportPolicy());
        assertEquals("credential-of-t-1", roster.iceServers().get(0).credential());
    }

    @Test
    void credentials_expire_at_the_latest_end_the_session_can_reach() {
        Conn t = new Conn("t");
        ServerMessage.Roster roster = only(scene.join(t, scene.therapist), t, ServerMessage.Roster.class);

        Instant latest = Scene.END.plus(RoomPolicy.DEFAULT.maxExtension()).plus(RoomPolicy.DEFAULT.overrun());
        assertEquals(latest.getEpochSecond() + ":t-1", roster.iceServers().get(0).username());
    }

    @Test
    void a_waiting_client_gets_no_ice_servers_until_it_is_admitted() {
        Conn t = scene.therapistIn();
        issued.clear();
        Conn c = new Conn("c");
        List<Effect> waiting = scene.join(c, client(1));

        assertEquals(List.of(ServerMessage.Welcome.class), to(waiting, c).stream().map(Object::getClass).toList());
        assertTrue(issued.isEmpty(), "credentials were computed for a waiting client: " + issued);

        List<Effect> admitted = scene.send(t, new ClientMessage.Admit("c-1"));
        ServerMessage.Roster roster = only(admitted, c, ServerMessage.Roster.class);
        assertEquals(List.of("c-1"), issued);
        assertEquals("credential-of-c-1", roster.iceServers().get(0).credential());
        assertFalse(to(admitted, t).toString().contains("credential-of-c-1"),
                "the therapist heard nothing of the client's credentials");
    }

    @Test
    void an_admitted_client_that_comes_back_gets_its_ice_servers_again() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        String key = Scene.welcomeKey(scene.join(c, client(1)), c);
        scene.send(t, new ClientMessage.Admit("c-1"));
        scene.drop(c);
        scene.advance(Duration.ofSeconds(5));
        issued.clear();

        Conn back = new Conn("c-back");
        ServerMessage.Roster roster = only(scene.join(back, client(1), key), back, ServerMessage.Roster.class);
        assertEquals(List.of("c-1"), issued);
        assertEquals("credential-of-c-1", roster.iceServers().get(0).credential());
    }
}
