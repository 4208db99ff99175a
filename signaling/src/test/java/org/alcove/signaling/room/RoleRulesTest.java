package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.alcove.signaling.room.Scene.assertRefused;
import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.closeOf;
import static org.alcove.signaling.room.Scene.events;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RoleRulesTest {
    private final Scene scene = new Scene();

    private static final List<ClientMessage> THERAPIST_ONLY = List.of(
            new ClientMessage.Admit("c-2"), new ClientMessage.Decline("c-2"), new ClientMessage.Remove("c-2"),
            new ClientMessage.Extend(5), new ClientMessage.End());

    @Test
    void every_therapist_only_message_from_an_admitted_client_is_not_allowed_and_changes_nothing() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        Conn c2 = new Conn("c2");
        scene.join(c2, client(2));

        for (ClientMessage m : THERAPIST_ONLY) {
            List<Effect> effects = scene.send(c1, m);
            assertRefused(effects, c1, ErrorCode.NOT_ALLOWED);
            assertEquals(1, effects.size(), () -> m + " had effects " + effects);
        }
        assertFalse(scene.room.ended());
        assertEquals(Scene.END, scene.room.schedule().endsAt());
    }

    @Test
    void every_therapist_only_message_from_a_waiting_client_is_not_allowed() {
        scene.therapistIn();
        Conn c = new Conn("c");
        scene.join(c, client(1));
        for (ClientMessage m : THERAPIST_ONLY) {
            List<Effect> effects = scene.send(c, m);
            assertRefused(effects, c, ErrorCode.NOT_ALLOWED);
            assertEquals(1, effects.size());
        }
    }

    @Test
    void auth_on_a_joined_connection_is_already_authenticated_and_keeps_the_socket() {
        Conn t = scene.therapistIn();
        assertRefused(scene.send(t, new ClientMessage.Auth("another.token.value", null)), t, ErrorCode.ALREADY_AUTHENTICATED);
    }

    @Test
    void a_client_leaving_closes_normally_and_the_call_sees_left() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        List<Effect> effects = scene.send(c, new ClientMessage.Leave());
        assertEquals(Optional.of(CloseCode.NORMAL), closeOf(effects, c));
        assertEquals(List.of(new ServerMessage.PeerLeft("c-1", LeaveReason.left)), to(effects, t));
        assertEquals(List.of(RoomEvent.Type.LEFT), events(effects));
        assertEquals(List.of(), scene.drop(c));
        assertEquals(List.of(), scene.advance(java.time.Duration.ofSeconds(120)));
    }

    @Test
    void a_client_that_left_can_come_back_through_the_waiting_room() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.send(c, new ClientMessage.Leave());
        Conn again = new Conn("again");
        List<Effect> effects = scene.join(again, client(1));
        assertEquals(ServerMessage.SeatState.waiting, only(effects, again, ServerMessage.Welcome.class).state());
        assertEquals(1, only(effects, t, ServerMessage.WaitingList.class).waiting().size());
    }

    @Test
    void the_therapist_leaving_releases_the_seat_but_the_session_goes_on() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        Conn waiting = new Conn("w");
        scene.join(waiting, client(2));

        List<Effect> effects = scene.send(t, new ClientMessage.Leave());
        assertEquals(Optional.of(CloseCode.NORMAL), closeOf(effects, t));
        assertEquals(List.of(new ServerMessage.PeerLeft("t-1", LeaveReason.left)), to(effects, c));
        assertEquals(List.of(), to(effects, waiting));
        assertFalse(scene.room.ended());

        Conn back = new Conn("back");
        List<Effect> rejoin = scene.join(back, scene.therapist);
        assertEquals(List.of("c-1"), only(rejoin, back, ServerMessage.Roster.class).participants().stream()
                .map(ServerMessage.Peer::participantId).toList());
        assertEquals(List.of("c-2"), only(rejoin, back, ServerMessage.WaitingList.class).waiting().stream()
                .map(ServerMessage.Waiting::participantId).toList());
    }

    @Test
    void messages_from_unknown_connections_are_ignored() {
        scene.therapistIn();
        assertEquals(List.of(), scene.send(new Conn("stranger"), new ClientMessage.End()));
        assertEquals(List.of(), scene.drop(new Conn("stranger")));
        assertFalse(scene.room.ended());
    }

    @Test
    void every_client_message_type_is_handled_for_both_roles() {
        // Guards the dispatch in Room.handle, which Java 17 cannot check for exhaustiveness.
        Set<Class<?>> covered = sampleOfEveryType().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(ClientMessage.class.getPermittedSubclasses()), covered);

        for (ClientMessage m : sampleOfEveryType()) {
            Scene fresh = new Scene();
            Conn t = fresh.therapistIn();
            Conn c = fresh.admitted(t, client(1));
            fresh.join(new Conn("w"), client(2));
            fresh.send(c, m);
            fresh.send(t, m);
        }
    }

    @Test
    void a_fatal_close_of_one_connection_leaves_the_others_alone() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        Conn intruder = new Conn("intruder");
        List<Effect> effects = scene.join(intruder, client(1));
        assertEquals(Set.of(intruder), effects.stream()
                .filter(e -> e instanceof Effect.Close)
                .map(e -> ((Effect.Close) e).connection())
                .collect(Collectors.toSet()));
        assertEquals(List.of(new ServerMessage.Offer("c-1", "v=0")),
                to(scene.send(c1, new ClientMessage.Offer("t-1", "v=0")), t));
    }

    private static List<ClientMessage> sampleOfEveryType() {
        return Arrays.asList(
                new ClientMessage.Auth("a.b.c.d.e.f", null), new ClientMessage.Admit("c-2"),
                new ClientMessage.Decline("c-2"), new ClientMessage.Remove("c-2"),
                new ClientMessage.Offer("t-1", "v=0"), new ClientMessage.Answer("t-1", "v=0"),
                new ClientMessage.Candidate("t-1", "candidate:1", "0", 0), new ClientMessage.IceRestart("t-1"),
                new ClientMessage.Extend(5), new ClientMessage.End(), new ClientMessage.Leave(), new ClientMessage.Ping(),
                new ClientMessage.Quality("t-1", 40, 0.5, false));
    }
}
