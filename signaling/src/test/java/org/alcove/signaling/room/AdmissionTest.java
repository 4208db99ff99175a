package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.alcove.signaling.room.Scene.assertRefused;
import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.events;
import static org.alcove.signaling.room.Scene.only;
import static org.alcove.signaling.room.Scene.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionTest {
    private final Scene scene = new Scene();

    @Test
    void admitted_client_gets_the_roster_and_the_call_gets_peer_joined() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        Conn c2 = new Conn("c2");
        scene.join(c2, client(2));

        List<Effect> effects = scene.send(t, new ClientMessage.Admit("c-2"));

        List<ServerMessage.Peer> roster = only(effects, c2, ServerMessage.Roster.class).participants();
        assertEquals(List.of("t-1", "c-1"), roster.stream().map(ServerMessage.Peer::participantId).toList());
        assertEquals("Dr Ada Example", roster.get(0).name());
        assertEquals(Role.therapist, roster.get(0).role());
        ServerMessage.Peer seenByTherapist = only(effects, t, ServerMessage.PeerJoined.class).peer();
        assertEquals("c-2", seenByTherapist.participantId());
        assertEquals("Client Number 2", seenByTherapist.name());
        assertFalse(seenByTherapist.polite());
        assertEquals("c-2", only(effects, c1, ServerMessage.PeerJoined.class).peer().participantId());
        assertEquals(List.of(), only(effects, t, ServerMessage.WaitingList.class).waiting());
        assertEquals(List.of(RoomEvent.Type.ADMITTED), events(effects));
    }

    @Test
    void admitting_someone_unknown_gives_unknown_participant() {
        Conn t = scene.therapistIn();
        assertRefused(scene.send(t, new ClientMessage.Admit("nobody")), t, ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void admitting_an_admitted_client_again_is_not_allowed() {
        Conn t = scene.therapistIn();
        scene.admitted(t, client(1));
        assertRefused(scene.send(t, new ClientMessage.Admit("c-1")), t, ErrorCode.NOT_ALLOWED);
    }

    @Test
    void declined_client_is_closed_and_cannot_join_again_with_the_same_link() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        scene.join(c, client(1));

        List<Effect> effects = scene.send(t, new ClientMessage.Decline("c-1"));
        assertRefused(effects, c, ErrorCode.DECLINED);
        assertEquals(List.of(), only(effects, t, ServerMessage.WaitingList.class).waiting());
        assertEquals(List.of(RoomEvent.Type.DECLINED), events(effects));

        Conn again = new Conn("again");
        List<Effect> retry = scene.join(again, client(1));
        assertRefused(retry, again, ErrorCode.DECLINED);
        assertEquals(List.of(), to(retry, t));
    }

    @Test
    void declining_an_admitted_client_is_not_allowed_and_changes_nothing() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        List<Effect> effects = scene.send(t, new ClientMessage.Decline("c-1"));
        assertRefused(effects, t, ErrorCode.NOT_ALLOWED);
        assertEquals(List.of(), to(effects, c));
    }

    @Test
    void declining_someone_unknown_gives_unknown_participant() {
        Conn t = scene.therapistIn();
        assertRefused(scene.send(t, new ClientMessage.Decline("c-7")), t, ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void removed_client_leaves_the_call_for_everyone_and_cannot_join_again() {
        Conn t = scene.therapistIn();
        Conn c1 = scene.admitted(t, client(1));
        Conn c2 = scene.admitted(t, client(2));

        List<Effect> effects = scene.send(t, new ClientMessage.Remove("c-1"));
        assertRefused(effects, c1, ErrorCode.REMOVED);
        assertEquals(new ServerMessage.PeerLeft("c-1", LeaveReason.removed), only(effects, t, ServerMessage.PeerLeft.class));
        assertEquals(new ServerMessage.PeerLeft("c-1", LeaveReason.removed), only(effects, c2, ServerMessage.PeerLeft.class));
        assertEquals(List.of(RoomEvent.Type.REMOVED), events(effects));

        Conn again = new Conn("again");
        assertRefused(scene.join(again, client(1)), again, ErrorCode.REMOVED);
    }

    @Test
    void removing_a_waiting_client_shrinks_the_waiting_list_and_bars_the_link() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        scene.join(c, client(1));

        List<Effect> effects = scene.send(t, new ClientMessage.Remove("c-1"));
        assertRefused(effects, c, ErrorCode.REMOVED);
        assertEquals(List.of(), only(effects, t, ServerMessage.WaitingList.class).waiting());
        Conn again = new Conn("again");
        assertRefused(scene.join(again, client(1), "any-key"), again, ErrorCode.REMOVED);
    }

    @Test
    void removing_a_dropped_client_releases_the_held_seat_for_good() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.drop(c);

        List<Effect> effects = scene.send(t, new ClientMessage.Remove("c-1"));
        assertEquals(new ServerMessage.PeerLeft("c-1", LeaveReason.removed), only(effects, t, ServerMessage.PeerLeft.class));
        assertEquals(List.of(), to(effects, c));
        Conn again = new Conn("again");
        assertRefused(scene.join(again, client(1)), again, ErrorCode.REMOVED);
    }

    @Test
    void therapist_cannot_remove_themself() {
        Conn t = scene.therapistIn();
        assertRefused(scene.send(t, new ClientMessage.Remove("t-1")), t, ErrorCode.NOT_ALLOWED);
    }

    @Test
    void removing_someone_unknown_gives_unknown_participant() {
        Conn t = scene.therapistIn();
        assertRefused(scene.send(t, new ClientMessage.Remove("c-9")), t, ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void client_admitted_while_dropped_enters_the_call_when_it_resumes() {
        Conn t = scene.therapistIn();
        Conn c = new Conn("c");
        String key = Scene.welcomeKey(scene.join(c, client(1)), c);
        scene.drop(c);

        List<Effect> admit = scene.send(t, new ClientMessage.Admit("c-1"));
        assertTrue(only(admit, t, ServerMessage.PeerJoined.class).peer().reconnecting());

        Conn back = new Conn("back");
        List<Effect> resume = scene.join(back, client(1), key);
        assertEquals(ServerMessage.SeatState.admitted, only(resume, back, ServerMessage.Welcome.class).state());
        assertEquals("t-1", only(resume, back, ServerMessage.Roster.class).participants().get(0).participantId());
        assertEquals(new ServerMessage.PeerReconnected("c-1"), only(resume, t, ServerMessage.PeerReconnected.class));
    }

    @Test
    void external_removal_closes_the_client_and_bars_its_link() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        List<Effect> effects = scene.room.revoke("c-1", ErrorCode.REMOVED, scene.now);
        assertRefused(effects, c, ErrorCode.REMOVED);
        assertEquals(new ServerMessage.PeerLeft("c-1", LeaveReason.removed), only(effects, t, ServerMessage.PeerLeft.class));
        Conn again = new Conn("again");
        assertRefused(scene.join(again, client(1)), again, ErrorCode.REMOVED);
    }

    @Test
    void reissued_link_closes_the_old_connection_but_the_new_link_can_join() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));

        List<Effect> effects = scene.room.revoke("c-1", ErrorCode.LINK_REISSUED, scene.now);
        assertRefused(effects, c, ErrorCode.LINK_REISSUED);
        assertEquals(new ServerMessage.PeerLeft("c-1", LeaveReason.link_revoked), only(effects, t, ServerMessage.PeerLeft.class));

        Conn fresh = new Conn("fresh");
        List<Effect> rejoin = scene.join(fresh, client(1));
        assertEquals(ServerMessage.SeatState.waiting, only(rejoin, fresh, ServerMessage.Welcome.class).state());
    }

    @Test
    void a_reissued_link_lets_a_removed_client_wait_again_but_never_skips_admission() {
        Conn t = scene.therapistIn();
        Conn c = scene.admitted(t, client(1));
        scene.send(t, new ClientMessage.Remove("c-1"));

        assertEquals(List.of(), scene.room.revoke("c-1", ErrorCode.LINK_REISSUED, scene.now));
        Conn fresh = new Conn("fresh");
        List<Effect> rejoin = scene.join(fresh, client(1));
        assertEquals(ServerMessage.SeatState.waiting, only(rejoin, fresh, ServerMessage.Welcome.class).state());
        assertEquals(List.of(), to(rejoin, fresh, ServerMessage.Roster.class));
        assertEquals(1, only(rejoin, t, ServerMessage.WaitingList.class).waiting().size());
    }

    @Test
    void external_removal_of_someone_not_connected_still_bars_the_link() {
        scene.therapistIn();
        assertEquals(List.of(), scene.room.revoke("c-1", ErrorCode.REMOVED, scene.now));
        Conn c = new Conn("c");
        assertRefused(scene.join(c, client(1)), c, ErrorCode.REMOVED);
    }

    @Test
    void revoke_accepts_only_link_reissued_or_removed() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> scene.room.revoke("c-1", ErrorCode.DECLINED, scene.now));
    }
}
