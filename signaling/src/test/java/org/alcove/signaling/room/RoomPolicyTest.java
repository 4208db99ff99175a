package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.alcove.signaling.room.Scene.assertRefused;
import static org.alcove.signaling.room.Scene.client;
import static org.alcove.signaling.room.Scene.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RoomPolicyTest {

    @Test
    void every_room_seats_six_and_five_of_them_are_for_clients() {
        assertEquals(6, RoomPolicy.MAX_PARTICIPANTS);
        assertEquals(RoomPolicy.MAX_PARTICIPANTS, RoomPolicy.DEFAULT.maxParticipants());
        assertEquals(5, RoomPolicy.DEFAULT.clientSeats());
    }

    @Test
    void the_room_is_full_for_clients_at_its_client_seats_whatever_its_size() {
        RoomPolicy three = new RoomPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofMinutes(60), 3);
        Scene scene = new Scene(three);
        scene.join(new Conn("c1"), client(1));
        scene.join(new Conn("c2"), client(2));
        Conn extra = new Conn("c3");
        assertRefused(scene.join(extra, client(3)), extra, ErrorCode.SESSION_FULL);

        // The seat kept for the therapist is still free.
        Conn t = new Conn("t");
        assertEquals(three.clientSeats(),
                only(scene.join(t, scene.therapist), t, ServerMessage.WaitingList.class).waiting().size());
    }
}
