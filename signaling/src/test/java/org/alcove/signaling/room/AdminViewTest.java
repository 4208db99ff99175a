package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.closeOf;
import static org.alcove.signaling.room.Scene.errorsTo;
import static org.alcove.signaling.room.Scene.events;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.to;
import static org.alcove.signaling.room.Scene.welcomeKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminViewTest {
    private final Scene scene = new Scene();

    @Test
    void the_snapshot_lists_every_seat_with_its_place_link_and_waiting_time() {
        Conn t = scene.therapistIn();
        scene.now = Scene.START.plusSeconds(30);
        scene.admitted(t, client(1));
        scene.now = Scene.START.plusSeconds(60);
        scene.join(new Conn("w"), client(2));

        RoomSnapshot snapshot = scene.room.snapshot();
        assertEquals(Scene.SESSION, snapshot.sessionId());
        assertEquals(Scene.START, snapshot.openedAt());
        assertEquals(Scene.END, snapshot.endsAt());
        assertEquals(List.of("t-1", "c-1", "c-2"), snapshot.seats().stream().map(RoomSnapshot.SeatView::participantId).toList());
        RoomSnapshot.SeatView waiting = snapshot.seats().get(2);
        assertEquals(RoomSnapshot.Place.waiting, waiting.place());
        assertEquals(Scene.START.plusSeconds(60), waiting.since());
        assertEquals(Role.therapist, snapshot.seats().get(0).role());
        assertEquals(RoomSnapshot.Place.admitted, snapshot.seats().get(1).place());
    }

    @Test
    void a_drop_shows_as_reconnecting_and_each_resume_counts_once() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        String key = welcomeKey(scene.join(c, client(1)), c);
        scene.send(t, new ClientMessage.Admit("c-1"));

        scene.drop(c);
        RoomSnapshot.SeatView held = scene.room.snapshot().seats().get(1);
        assertEquals(RoomSnapshot.Link.reconnecting, held.link());
        assertEquals(Scene.START, held.droppedAt());

        scene.join(new Conn("c2"), client(1), key);
        scene.drop(new Conn("c2"));
        scene.join(new Conn("c3"), client(1), key);
        RoomSnapshot.SeatView back = scene.room.snapshot().seats().get(1);
        assertEquals(RoomSnapshot.Link.connected, back.link());
        assertEquals(2, back.reconnects());
        assertNull(back.droppedAt());
    }

    @Test
    void quality_reports_are_kept_per_peer_and_reach_nobody_in_the_call() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.now = Scene.START.plusSeconds(5);
        List<Effect> first = scene.send(c, new ClientMessage.Quality("t-1", 120, 2.5, true));
        List<Effect> second = scene.send(c, new ClientMessage.Quality("t-1", 80, 0.0, false));

        assertEquals(List.of(), first);
        assertEquals(List.of(), second);
        List<RoomSnapshot.Quality> quality = scene.room.snapshot().seats().get(1).quality();
        assertEquals(List.of(new RoomSnapshot.Quality("t-1", 80, 0.0, false, Scene.START.plusSeconds(5))), quality);
    }

    @Test
    void quality_about_an_unknown_or_waiting_peer_or_from_a_waiting_client_is_refused() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        Conn w = new Conn("w");
        scene.join(w, client(2));

        assertEquals(List.of(ErrorCode.UNKNOWN_PARTICIPANT), errorsTo(scene.send(c, new ClientMessage.Quality("c-2", 1, 0.0, false)), c));
        assertEquals(List.of(ErrorCode.UNKNOWN_PARTICIPANT), errorsTo(scene.send(c, new ClientMessage.Quality("c-1", 1, 0.0, false)), c));
        assertEquals(List.of(ErrorCode.UNKNOWN_PARTICIPANT), errorsTo(scene.send(c, new ClientMessage.Quality("nobody", 1, 0.0, false)), c));
        assertEquals(List.of(ErrorCode.NOT_ALLOWED), errorsTo(scene.send(w, new ClientMessage.Quality("t-1", 1, 0.0, false)), w));
        assertTrue(scene.room.snapshot().seats().stream().allMatch(seat -> seat.quality().isEmpty()));
    }

    @Test
    void an_admin_end_tells_the_therapist_why_then_ends_for_everyone() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        List<Effect> effects = scene.room.endByAdmin("Billing dispute", scene.now);

        List<ServerMessage> toTherapist = to(effects, t);
        assertEquals(new ServerMessage.AdminAction(ServerMessage.AdminActionKind.ended, null, "Billing dispute"), toTherapist.get(0));
        assertEquals(new ServerMessage.SessionEnded(EndReason.ENDED_BY_ADMIN), toTherapist.get(1));
        assertEquals(List.of(new ServerMessage.SessionEnded(EndReason.ENDED_BY_ADMIN)), to(effects, c));
        assertEquals(Optional.of(CloseCode.SESSION_ENDED), closeOf(effects, c));
        assertEquals(List.of(RoomEvent.Type.ENDED), events(effects));
        assertEquals(EndReason.ENDED_BY_ADMIN, Scene.records(effects).get(0).endReason());
        assertEquals(List.of(), scene.room.endByAdmin("again", scene.now));
    }

    @Test
    void an_admin_removal_tells_the_therapist_and_bars_the_client() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        List<Effect> effects = scene.room.removeByAdmin("c-1", "Not the booked client", scene.now);

        assertEquals(new ServerMessage.AdminAction(ServerMessage.AdminActionKind.removed, "c-1", "Not the booked client"),
                to(effects, t).get(0));
        assertEquals(new ServerMessage.PeerLeft("c-1", LeaveReason.removed), only(effects, t, ServerMessage.PeerLeft.class));
        assertEquals(List.of(ErrorCode.REMOVED), errorsTo(effects, c));
        assertEquals(List.of(RoomEvent.Type.REMOVED), events(effects));
        Conn again = new Conn("again");
        assertEquals(List.of(ErrorCode.REMOVED), errorsTo(scene.join(again, client(1)), again));
    }

    @Test
    void the_snapshot_forgets_a_seat_once_its_grace_runs_out() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.drop(c);
        scene.advance(RoomPolicy.DEFAULT.reconnectGrace().plus(Duration.ofSeconds(1)));
        assertEquals(List.of("t-1"), scene.room.snapshot().seats().stream().map(RoomSnapshot.SeatView::participantId).toList());
    }
}
