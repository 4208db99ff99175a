package org.alcove.bench.idle;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadGeneratorTest {

    @Test
    void parses_a_command_line_with_several_source_addresses() {
        LoadGenerator.Options options = LoadGenerator.Options.parse(new String[] {"--server", "http://127.0.0.1:8080",
                "--target", "alcove", "--seats", "/tmp/seats-0.tsv", "--bind", "127.0.0.10,127.0.0.11",
                "--ping-millis", "10000", "--concurrency", "8", "--max-seconds", "900"});
        assertEquals(HeldSockets.Target.ALCOVE, options.target());
        assertEquals(Path.of("/tmp/seats-0.tsv"), options.seats());
        assertEquals(2, options.binds().size());
        assertEquals("127.0.0.11", options.binds().get(1).getHostAddress());
        assertEquals(900, options.maxSeconds());
    }

    @Test
    void refuses_a_source_address_off_loopback() {
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.Options.parse(new String[] {
                "--server", "http://127.0.0.1:8080", "--target", "echo", "--bind", "10.0.0.5", "--max-seconds", "60"}));
    }

    @Test
    void alcove_needs_a_seat_file_and_every_run_a_time_bound() {
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.Options.parse(new String[] {
                "--server", "http://127.0.0.1:8080", "--target", "alcove", "--bind", "127.0.0.10", "--max-seconds", "60"}));
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.Options.parse(new String[] {
                "--server", "http://127.0.0.1:8080", "--target", "echo", "--bind", "127.0.0.10"}));
    }
}
