package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.alcove.signaling.room.Scene.assertRefused;
import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayTest {
    private final Scene scene = new Scene();

    @Test
    void offer_answer_candidate_and_ice_restart_reach_only_the_addressee_stamped_with_the_sender() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        Conn c2 = scene.admitted(t, client(2));

        List<Effect> offer = scene.send(t, new ClientMessage.Offer("c-1", "v=0 offer"));
        assertEquals(List.of(new ServerMessage.Offer("t-1", "v=0 offer")), to(offer, c1));
        assertEquals(List.of(), to(offer, c2));
        assertEquals(List.of(), to(offer, t));

        assertEquals(List.of(new ServerMessage.Answer("c-1", "v=0 answer")),
                to(scene.send(c1, new ClientMessage.Answer("t-1", "v=0 answer")), t));
        assertEquals(List.of(new ServerMessage.Candidate("c-2", "candidate:1 1 udp 1 10.0.0.1 9 typ host", "0", 0)),
                to(scene.send(c2, new ClientMessage.Candidate("c-1", "candidate:1 1 udp 1 10.0.0.1 9 typ host", "0", 0)), c1));
        assertEquals(List.of(new ServerMessage.Candidate("c-1", null, null, null)),
                to(scene.send(c1, new ClientMessage.Candidate("c-2", null, null, null)), c2));
        assertEquals(List.of(new ServerMessage.IceRestart("c-1")),
                to(scene.send(c1, new ClientMessage.IceRestart("t-1")), t));
    }

    @Test
    void relay_to_an_unknown_participant_or_to_oneself_gives_unknown_participant() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        assertRefused(scene.send(c1, new ClientMessage.Offer("c-404", "v=0")), c1, ErrorCode.UNKNOWN_PARTICIPANT);
        assertRefused(scene.send(c1, new ClientMessage.Offer("c-1", "v=0")), c1, ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void relay_to_a_waiting_client_looks_exactly_like_relay_to_nobody() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        Conn waiting = new Conn("w");
        scene.join(waiting, client(2));

        List<Effect> effects = scene.send(c1, new ClientMessage.IceRestart("c-2"));
        assertRefused(effects, c1, ErrorCode.UNKNOWN_PARTICIPANT);
        assertEquals(List.of(), to(effects, waiting));
    }

    @Test
    void relay_to_a_departed_participant_gives_unknown_participant() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        Conn c2 = scene.admitted(t, client(2));
        scene.send(c2, new ClientMessage.Leave());
        assertRefused(scene.send(c1, new ClientMessage.Offer("c-2", "v=0")), c1, ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void relay_to_a_held_seat_gives_peer_reconnecting() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        scene.drop(c1);
        assertRefused(scene.send(t, new ClientMessage.Offer("c-1", "v=0")), t, ErrorCode.PEER_RECONNECTING);
    }

    @Test
    void exactly_one_side_of_every_pair_is_polite_in_a_full_six_person_room() {
        Conn t = scene.therapistIn();
        Map<String, Conn> conns = new HashMap<>();
        conns.put("t-1", t);
        List<Effect> all = new ArrayList<>();
        // Admit in an order unlike id order so politeness cannot follow join order by accident.
        for (int n : new int[] {3, 1, 5, 2, 4}) {
            Conn c = new Conn("conn-c-" + n);
            conns.put("c-" + n, c);
            all.addAll(scene.join(c, client(n)));
            all.addAll(scene.send(t, new ClientMessage.Admit("c-" + n)));
        }

        // What each participant was told about each peer, from rosters and peer-joined.
        Map<String, Map<String, Boolean>> polite = new HashMap<>();
        conns.forEach((id, conn) -> {
            Map<String, Boolean> view = new HashMap<>();
            for (ServerMessage m : to(all, conn)) {
                if (m instanceof ServerMessage.Roster r) {
                    r.participants().forEach(p -> view.put(p.participantId(), p.polite()));
                } else if (m instanceof ServerMessage.PeerJoined j) {
                    view.put(j.peer().participantId(), j.peer().polite());
                }
            }
            polite.put(id, view);
        });
        // The therapist's own view comes from peer-joined; check it knows all five.
        assertEquals(5, polite.get("t-1").size());
        for (String a : conns.keySet()) {
            assertEquals(5, polite.get(a).size(), () -> a + " does not know everyone: " + polite.get(a));
            for (String b : conns.keySet()) {
                if (!a.equals(b)) {
                    assertNotEquals(polite.get(a).get(b), polite.get(b).get(a), a + " vs " + b);
                }
            }
            if (!a.equals("t-1")) {
                assertTrue(polite.get(a).get("t-1"), a + " must be polite towards the therapist");
                assertFalse(polite.get("t-1").get(a));
            }
        }
    }

    @Test
    void a_seventh_participant_is_refused_as_session_full() {
        Conn t = scene.therapistIn();
        for (int n = 1; n <= 5; n++) {
            scene.join(new Conn("c" + n), client(n));
        }
        Conn extra = new Conn("extra");
        List<Effect> effects = scene.join(extra, client(6));
        assertRefused(effects, extra, ErrorCode.SESSION_FULL);
        assertEquals(List.of(), to(effects, t));
        assertEquals(5, only(scene.join(new Conn("t2"), scene.therapist), new Conn("t2"), ServerMessage.WaitingList.class)
                .waiting().size());
    }
}
