package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.alcove.signaling.room.Scene.END;
import static org.alcove.signaling.room.Scene.assertRefused;
import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.closeOf;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.records;
import static org.alcove.signaling.room.Scene.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTimeTest {
    private final Scene scene = new Scene();

    @Test
    void everyone_connected_is_warned_once_five_minutes_before_the_end() {
        Conn t = scene.therapistIn();
        Conn waiting = new Conn("w");
        scene.join(waiting, client(1));

        assertEquals(List.of(), scene.at(END.minus(Duration.ofMinutes(5)).minusSeconds(1)));
        List<Effect> warning = scene.at(END.minus(Duration.ofMinutes(5)));
        assertEquals(List.of(new ServerMessage.SessionWarning(END, 5)), to(warning, t));
        assertEquals(List.of(new ServerMessage.SessionWarning(END, 5)), to(warning, waiting));
        assertEquals(List.of(), scene.advance(Duration.ofSeconds(1)));
        assertEquals(List.of(), scene.advance(Duration.ofMinutes(2)));
    }

    @Test
    void minutes_left_is_rounded_up() {
        Conn t = scene.therapistIn();
        List<Effect> warning = scene.at(END.minus(Duration.ofSeconds(150)));
        assertEquals(3, only(warning, t, ServerMessage.SessionWarning.class).minutesLeft());
    }

    @Test
    void extending_moves_the_end_for_everyone_and_re_arms_the_warning() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.at(END.minus(Duration.ofMinutes(4)));

        List<Effect> extended = scene.send(t, new ClientMessage.Extend(10));
        ServerMessage.SessionExtended expected = new ServerMessage.SessionExtended(END.plus(Duration.ofMinutes(10)));
        assertEquals(List.of(expected), to(extended, t));
        assertEquals(List.of(expected), to(extended, c));
        RoomEvent event = records(extended).get(0);
        assertEquals(RoomEvent.Type.EXTENDED, event.type());
        assertEquals(END.plus(Duration.ofMinutes(10)), event.endsAt());
        assertEquals(END.plus(Duration.ofMinutes(10)), scene.room.schedule().endsAt());

        assertEquals(List.of(), scene.at(END.plus(Duration.ofMinutes(5)).minusSeconds(1)));
        List<Effect> warning = scene.at(END.plus(Duration.ofMinutes(5)));
        assertEquals(List.of(new ServerMessage.SessionWarning(END.plus(Duration.ofMinutes(10)), 5)), to(warning, c));
        // The booked end plus overrun is no longer the end.
        assertEquals(List.of(), scene.at(END.plus(Duration.ofMinutes(10))));
        assertFalse(scene.room.ended());
    }

    @Test
    void a_late_joiner_gets_the_extended_end_in_its_welcome() {
        Conn t = scene.therapistIn();
        scene.send(t, new ClientMessage.Extend(5));
        Conn c = new Conn("c");
        assertEquals(END.plus(Duration.ofMinutes(5)), only(scene.join(c, client(1)), c, ServerMessage.Welcome.class).endsAt());
    }

    @Test
    void extensions_are_capped_at_the_policy_total() {
        Conn t = scene.therapistIn();
        assertEquals(1, to(scene.send(t, new ClientMessage.Extend(60)), t).size());
        List<Effect> refused = scene.send(t, new ClientMessage.Extend(1));
        assertRefused(refused, t, ErrorCode.NOT_ALLOWED);
        assertEquals(List.of(), records(refused));
        assertEquals(END.plus(Duration.ofMinutes(60)), scene.room.schedule().endsAt());
    }

    @Test
    void the_session_ends_by_itself_at_the_end_plus_overrun() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        Conn waiting = new Conn("w");
        scene.join(waiting, client(2));

        assertEquals(List.of(), scene.at(END.plus(Duration.ofMinutes(10)).minusSeconds(1)).stream()
                .filter(e -> !(e instanceof Effect.Send s && s.message() instanceof ServerMessage.SessionWarning)).toList());
        List<Effect> end = scene.at(END.plus(Duration.ofMinutes(10)));
        for (Conn conn : List.of(t, c, waiting)) {
            assertEquals(List.of(new ServerMessage.SessionEnded(EndReason.TIME_UP)), to(end, conn));
            assertEquals(Optional.of(CloseCode.SESSION_ENDED), closeOf(end, conn));
        }
        RoomEvent event = records(end).get(0);
        assertEquals(RoomEvent.Type.ENDED, event.type());
        assertEquals(EndReason.TIME_UP, event.endReason());
        assertTrue(scene.room.ended());
        assertTrue(scene.room.idle());
        assertEquals(List.of(), scene.advance(Duration.ofSeconds(1)));
    }

    @Test
    void the_therapist_ending_closes_everyone_and_no_one_can_join_after() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        List<Effect> end = scene.send(t, new ClientMessage.End());
        for (Conn conn : List.of(t, c)) {
            assertEquals(List.of(new ServerMessage.SessionEnded(EndReason.ENDED_BY_THERAPIST)), to(end, conn));
            assertEquals(Optional.of(CloseCode.SESSION_ENDED), closeOf(end, conn));
        }
        assertEquals(EndReason.ENDED_BY_THERAPIST, records(end).get(0).endReason());

        Conn late = new Conn("late");
        assertRefused(scene.join(late, client(2)), late, ErrorCode.SESSION_ENDED);
        Conn therapistAgain = new Conn("t-again");
        assertRefused(scene.join(therapistAgain, scene.therapist), therapistAgain, ErrorCode.SESSION_ENDED);
        assertEquals(List.of(), scene.send(c, new ClientMessage.Ping()));
        assertEquals(List.of(), scene.drop(c));
    }

    @Test
    void cancelling_closes_with_session_cancelled_and_later_joins_are_told_so() {
        Conn t = scene.therapistIn();
        List<Effect> end = scene.room.end(EndReason.CANCELLED, scene.now);
        assertEquals(List.of(new ServerMessage.SessionEnded(EndReason.CANCELLED)), to(end, t));
        assertEquals(Optional.of(CloseCode.SESSION_CANCELLED), closeOf(end, t));
        assertEquals(List.of(), scene.room.end(EndReason.ENDED_BY_ADMIN, scene.now));

        Conn late = new Conn("late");
        assertRefused(scene.join(late, client(1)), late, ErrorCode.SESSION_CANCELLED);
    }

    @Test
    void an_admin_end_is_reported_as_such() {
        Conn t = scene.therapistIn();
        List<Effect> end = scene.room.end(EndReason.ENDED_BY_ADMIN, scene.now);
        assertEquals(List.of(new ServerMessage.SessionEnded(EndReason.ENDED_BY_ADMIN)), to(end, t));
        assertEquals(Optional.of(CloseCode.SESSION_ENDED), closeOf(end, t));
    }
}
