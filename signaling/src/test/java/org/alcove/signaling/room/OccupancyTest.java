package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.alcove.signaling.room.Scene.client;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OccupancyTest {
    private final Scene scene = new Scene();

    @Test
    void counts_waiting_in_call_and_held_seats() {
        assertEquals(new Occupancy(0, 0, 0), scene.room.occupancy());

        Conn t = scene.therapistIn();
        Conn waiting = new Conn("w");
        scene.join(waiting, client(1));
        assertEquals(new Occupancy(1, 1, 0), scene.room.occupancy());

        Conn admitted = scene.admitted(t, client(2));
        assertEquals(new Occupancy(1, 2, 0), scene.room.occupancy());

        scene.drop(admitted);
        assertEquals(new Occupancy(1, 2, 1), scene.room.occupancy());

        scene.advance(Duration.ofSeconds(61));
        assertEquals(new Occupancy(1, 1, 0), scene.room.occupancy());

        scene.send(t, new ClientMessage.Admit("c-1"));
        assertEquals(new Occupancy(0, 2, 0), scene.room.occupancy());
    }
}
