package org.alcove.bench.idle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SeatTest {

    @Test
    void a_seat_file_gives_back_the_seats_in_order(@TempDir Path dir) {
        List<Seat> seats = List.of(new Seat("eyJ.t1.sig", "eyJ.c1.sig", "p_c1"), new Seat("eyJ.t2.sig", "eyJ.c2.sig", "p_c2"));
        Path file = dir.resolve("seats.tsv");
        Seat.write(file, seats);
        assertEquals(seats, Seat.read(file));
    }

    @Test
    void refuses_a_field_that_would_break_the_line_format() {
        assertThrows(IllegalArgumentException.class, () -> new Seat("a\tb", "c", "d"));
        assertThrows(IllegalArgumentException.class, () -> new Seat("a", "", "d"));
        assertThrows(IllegalArgumentException.class, () -> Seat.parse("only\ttwo"));
    }
}
