package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitingRoomTest {
    private final Scene scene = new Scene();

    @Test
    void client_enters_waiting_and_gets_only_its_welcome() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        List<Effect> effects = scene.join(c, client(1));

        assertEquals(1, to(effects, c).size());
        ServerMessage.Welcome welcome = only(effects, c, ServerMessage.Welcome.class);
        assertEquals("c-1", welcome.participantId());
        assertEquals(Scene.SESSION, welcome.sessionId());
        assertEquals(Role.client, welcome.role());
        assertEquals(ServerMessage.SeatState.waiting, welcome.state());
        assertEquals(Scene.START, welcome.startsAt());
        assertEquals(Scene.END, welcome.endsAt());
        assertFalse(welcome.resumed());
        assertEquals(List.of(RoomEvent.Type.JOINED), Scene.events(effects));
        assertTrue(to(effects, t, ServerMessage.PeerJoined.class).isEmpty());
    }

    @Test
    void therapist_sees_the_waiting_list_change_when_clients_arrive_and_leave() {
        Conn t = scene.therapistIn();
        scene.join(new Conn("c1"), client(1));
        scene.now = scene.now.plusSeconds(5);
        List<Effect> second = scene.join(new Conn("c2"), client(2));

        ServerMessage.WaitingList list = only(second, t, ServerMessage.WaitingList.class);
        assertEquals(List.of("c-1", "c-2"), list.waiting().stream().map(ServerMessage.Waiting::participantId).toList());
        assertEquals("Client Number 2", list.waiting().get(1).name());
        assertEquals(Scene.START.plusSeconds(5), list.waiting().get(1).since());

        List<Effect> left = scene.send(new Conn("c1"), new ClientMessage.Leave());
        assertEquals(List.of("c-2"), only(left, t, ServerMessage.WaitingList.class).waiting().stream()
                .map(ServerMessage.Waiting::participantId).toList());
    }

    @Test
    void therapist_gets_welcome_roster_and_waiting_list_in_that_order_even_when_nobody_waits() {
        Conn t = new Conn("t");
        List<ServerMessage> got = to(scene.join(t, scene.therapist), t);

        assertEquals(3, got.size());
        ServerMessage.Welcome welcome = (ServerMessage.Welcome) got.get(0);
        assertEquals(ServerMessage.SeatState.admitted, welcome.state());
        assertEquals(Role.therapist, welcome.role());
        assertEquals(List.of(), ((ServerMessage.Roster) got.get(1)).participants());
        assertEquals(List.of(), ((ServerMessage.WaitingList) got.get(2)).waiting());
    }

    @Test
    void therapist_joining_late_sees_who_already_waits() {
        scene.join(new Conn("c1"), client(1));
        Conn t = new Conn("t");
        ServerMessage.WaitingList list = only(scene.join(t, scene.therapist), t, ServerMessage.WaitingList.class);
        assertEquals("c-1", list.waiting().get(0).participantId());
    }

    @Test
    void waiting_client_hears_nothing_about_people_in_the_call_or_other_waiting_clients() {
        Conn t = scene.therapistIn();
        Conn waiting = new Conn("w");
        scene.join(waiting, client(9));

        List<Effect> all = new java.util.ArrayList<>();
        Conn c1 = new Conn("c1");
        all.addAll(scene.join(c1, client(1)));
        all.addAll(scene.send(t, new ClientMessage.Admit("c-1")));
        all.addAll(scene.join(new Conn("c2"), client(2)));
        all.addAll(scene.send(t, new ClientMessage.Decline("c-2")));
        all.addAll(scene.send(c1, new ClientMessage.Offer("t-1", "v=0")));
        all.addAll(scene.drop(c1));
        all.addAll(scene.join(new Conn("c1b"), client(1), null));
        all.addAll(scene.advance(Duration.ofSeconds(61)));
        all.addAll(scene.send(t, new ClientMessage.Leave()));

        assertEquals(List.of(), to(all, waiting));
    }

    @Test
    void negotiation_from_a_waiting_client_is_refused_and_not_relayed() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        scene.join(c, client(1));

        for (ClientMessage m : List.of(new ClientMessage.Offer("t-1", "v=0"), new ClientMessage.Answer("t-1", "v=0"),
                new ClientMessage.Candidate("t-1", "candidate:1", "0", 0), new ClientMessage.IceRestart("t-1"))) {
            List<Effect> effects = scene.send(c, m);
            Scene.assertRefused(effects, c, ErrorCode.NOT_ALLOWED);
            assertEquals(List.of(), to(effects, t), () -> "relayed " + m);
        }
    }

    @Test
    void therapist_cannot_negotiate_with_a_waiting_client() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        scene.join(c, client(1));

        List<Effect> effects = scene.send(t, new ClientMessage.Offer("c-1", "v=0"));
        Scene.assertRefused(effects, t, ErrorCode.UNKNOWN_PARTICIPANT);
        assertEquals(List.of(), to(effects, c));
    }

    @Test
    void waiting_client_can_ping_and_gets_pong() {
        Conn c = new Conn("c");
        scene.join(c, client(1));
        assertEquals(List.of(new ServerMessage.Pong()), to(scene.send(c, new ClientMessage.Ping()), c));
    }

    @Test
    void waiting_clients_keep_waiting_when_the_therapist_drops() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        scene.join(c, client(1));

        List<Effect> effects = scene.drop(t);
        assertEquals(List.of(), to(effects, c));
        Conn t2 = new Conn("t2");
        List<Effect> back = scene.join(t2, scene.therapist);
        assertEquals("c-1", only(back, t2, ServerMessage.WaitingList.class).waiting().get(0).participantId());
        assertEquals(List.of(), to(back, c));
    }
}
