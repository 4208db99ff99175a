package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.alcove.signaling.room.Scene.assertRefused;
import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.events;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectTest {
    private final Scene scene = new Scene();

    @Test
    void a_drop_shows_as_reconnecting_not_left() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        List<Effect> effects = scene.drop(c);
        assertEquals(List.of(new ServerMessage.PeerReconnecting("c-1")), to(effects, t));
        assertEquals(List.of(RoomEvent.Type.DISCONNECTED), events(effects));
        assertTrue(only(scene.join(new Conn("t2"), scene.therapist), new Conn("t2"), ServerMessage.Roster.class)
                .participants().get(0).reconnecting());
    }

    @Test
    void resuming_with_the_key_within_the_grace_period_keeps_admission() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        String key = Scene.welcomeKey(scene.join(c, client(1)), c);
        scene.send(t, new ClientMessage.Admit("c-1"));
        scene.drop(c);
        scene.advance(Duration.ofSeconds(59));

        Conn back = new Conn("back");
        List<Effect> effects = scene.join(back, client(1), key);
        ServerMessage.Welcome welcome = only(effects, back, ServerMessage.Welcome.class);
        assertTrue(welcome.resumed());
        assertEquals(ServerMessage.SeatState.admitted, welcome.state());
        assertEquals(key, welcome.resumeKey());
        assertEquals("t-1", only(effects, back, ServerMessage.Roster.class).participants().get(0).participantId());
        assertEquals(List.of(new ServerMessage.PeerReconnected("c-1")), to(effects, t));
        assertEquals(List.of(RoomEvent.Type.RECONNECTED), events(effects));
        assertEquals(List.of(), scene.advance(Duration.ofSeconds(10)));
    }

    @Test
    void resuming_a_waiting_seat_keeps_waiting_without_telling_anyone() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        String key = Scene.welcomeKey(scene.join(c, client(1)), c);
        scene.drop(c);

        Conn back = new Conn("back");
        List<Effect> effects = scene.join(back, client(1), key);
        assertEquals(ServerMessage.SeatState.waiting, only(effects, back, ServerMessage.Welcome.class).state());
        assertEquals(1, to(effects, back).size());
        assertEquals(List.of(), to(effects, t));
    }

    @Test
    void a_second_device_without_the_key_gets_seat_taken_and_the_seat_is_untouched() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        Conn other = new Conn("other");
        List<Effect> effects = scene.join(other, client(1), "not-the-key");
        assertRefused(effects, other, ErrorCode.SEAT_TAKEN);
        assertEquals(List.of(), to(effects, c));
        assertEquals(List.of(), to(effects, t));
        assertEquals(List.of(RoomEvent.Type.SEAT_REFUSED), events(effects));
        assertEquals(List.of(new ServerMessage.Offer("t-1", "v=0")), to(scene.send(t, new ClientMessage.Offer("c-1", "v=0")), c));
    }

    @Test
    void a_held_seat_without_the_key_also_gives_seat_taken() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.drop(c);
        Conn other = new Conn("other");
        assertRefused(scene.join(other, client(1)), other, ErrorCode.SEAT_TAKEN);
    }

    @Test
    void the_same_device_with_the_key_replaces_its_live_connection() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        String key = Scene.welcomeKey(scene.join(c, client(1)), c);
        scene.send(t, new ClientMessage.Admit("c-1"));

        Conn fresh = new Conn("fresh");
        List<Effect> effects = scene.join(fresh, client(1), key);
        assertRefused(effects, c, ErrorCode.REPLACED);
        assertTrue(only(effects, fresh, ServerMessage.Welcome.class).resumed());
        assertEquals(List.of(new ServerMessage.PeerReconnected("c-1")), to(effects, t));
        assertEquals(List.of(RoomEvent.Type.REPLACED), events(effects));
        // The replaced socket's close is not a drop of the seat.
        assertEquals(List.of(), scene.drop(c));
        assertEquals(List.of(), scene.send(c, new ClientMessage.Ping()));
    }

    @Test
    void after_grace_expiry_the_others_see_left_and_the_link_goes_back_to_waiting() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        String key = Scene.welcomeKey(scene.join(c, client(1)), c);
        scene.send(t, new ClientMessage.Admit("c-1"));
        scene.drop(c);

        assertEquals(List.of(), scene.advance(Duration.ofSeconds(59)));
        List<Effect> expiry = scene.advance(Duration.ofSeconds(1));
        assertEquals(List.of(new ServerMessage.PeerLeft("c-1", LeaveReason.connection_lost)), to(expiry, t));
        assertEquals(List.of(RoomEvent.Type.GRACE_EXPIRED), events(expiry));

        Conn late = new Conn("late");
        List<Effect> rejoin = scene.join(late, client(1), key);
        ServerMessage.Welcome welcome = only(rejoin, late, ServerMessage.Welcome.class);
        assertEquals(ServerMessage.SeatState.waiting, welcome.state());
        assertFalse(welcome.resumed());
        assertNotEquals(key, welcome.resumeKey());
        assertEquals(1, only(rejoin, t, ServerMessage.WaitingList.class).waiting().size());
    }

    @Test
    void a_waiting_client_whose_grace_expires_leaves_the_waiting_list() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        scene.join(c, client(1));
        scene.drop(c);
        List<Effect> expiry = scene.advance(Duration.ofSeconds(60));
        assertEquals(List.of(), only(expiry, t, ServerMessage.WaitingList.class).waiting());
    }

    @Test
    void the_therapist_always_takes_over_without_a_key_live_or_held() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        Conn laptop = new Conn("laptop");
        List<Effect> takeover = scene.join(laptop, scene.therapist);
        assertRefused(takeover, t, ErrorCode.REPLACED);
        assertTrue(only(takeover, laptop, ServerMessage.Welcome.class).resumed());
        assertEquals("c-1", only(takeover, laptop, ServerMessage.Roster.class).participants().get(0).participantId());
        assertEquals(List.of(), only(takeover, laptop, ServerMessage.WaitingList.class).waiting());
        assertEquals(List.of(new ServerMessage.PeerReconnected("t-1")), to(takeover, c));

        assertEquals(List.of(new ServerMessage.PeerReconnecting("t-1")), to(scene.drop(laptop), c));
        Conn phone = new Conn("phone");
        List<Effect> back = scene.join(phone, scene.therapist);
        assertTrue(only(back, phone, ServerMessage.Welcome.class).resumed());
        assertEquals(Optional.empty(), Scene.closeOf(back, phone));
    }

    @Test
    void a_therapist_whose_grace_expired_can_still_come_back() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.drop(t);
        assertEquals(List.of(new ServerMessage.PeerLeft("t-1", LeaveReason.connection_lost)),
                to(scene.advance(Duration.ofSeconds(60)), c));

        Conn again = new Conn("again");
        List<Effect> back = scene.join(again, scene.therapist);
        assertEquals(ServerMessage.SeatState.admitted, only(back, again, ServerMessage.Welcome.class).state());
        assertEquals("t-1", only(back, c, ServerMessage.PeerJoined.class).peer().participantId());
    }

    @Test
    void resume_keys_are_long_random_and_url_safe() {
        Conn a = new Conn("a");
        Conn b = new Conn("b");
        String first = Scene.welcomeKey(scene.join(a, client(1)), a);
        String second = Scene.welcomeKey(scene.join(b, client(2)), b);
        assertNotEquals(first, second);
        assertTrue(first.matches("[A-Za-z0-9_-]{32,}"), first);
    }

    @Test
    void the_room_is_idle_only_when_no_seat_is_live_or_held() {
        assertTrue(scene.room.idle());
        Conn t = scene.therapistIn();
        assertFalse(scene.room.idle());
        scene.drop(t);
        assertFalse(scene.room.idle());
        scene.advance(Duration.ofSeconds(60));
        assertTrue(scene.room.idle());
    }

    @Test
    void one_connection_cannot_join_twice() {
        Conn t = scene.therapistIn();
        List<Effect> effects = scene.join(t, client(1));
        assertEquals(List.of(ErrorCode.ALREADY_AUTHENTICATED), Scene.errorsTo(effects, t));
        assertEquals(Optional.<CloseCode>empty(), Scene.closeOf(effects, t));
    }
}
