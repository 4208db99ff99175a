package org.alcove.bench.proc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServerProbeTest {

    @Test
    void reads_the_resident_set_from_proc_status() {
        String status = """
                Name:\tjava
                VmPeak:\t 5123456 kB
                VmHWM:\t  301000 kB
                VmRSS:\t  214904 kB
                RssAnon:\t  180000 kB
                Threads:\t40
                """;
        assertEquals(214_904, ServerProbe.residentKilobytes(status));
    }

    @Test
    void a_status_without_vmrss_is_an_error_not_zero() {
        assertThrows(IllegalStateException.class, () -> ServerProbe.residentKilobytes("Name:\tjava\nState:\tZ (zombie)\n"));
    }

    @Test
    void adds_user_and_system_ticks_counting_fields_after_the_command_name() {
        // A command name with a space and a parenthesis must not shift the fields.
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1500 250 3 4 20 0 42 0 123 "
                + "5000000000 50000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
        assertEquals(1_750, ServerProbe.cpuTicks(stat));
    }

    @Test
    void takes_the_total_and_the_bytes_per_class_from_a_class_histogram() {
        String output = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         40000        4160000  [B (java.base@17.0.15)
                   2:         15000        1200000  org.alcove.server.ws.SocketConnection
                   3:         30000         720000  java.lang.String (java.base@17.0.15)
                Total        85000        6080000
                """;
        ServerProbe.Histogram histogram = ServerProbe.histogram(output);
        assertEquals(6_080_000, histogram.totalBytes());
        assertEquals(1_200_000, histogram.bytesByClass().get("org.alcove.server.ws.SocketConnection"));
        assertEquals(4_160_000, histogram.bytesByClass().get("[B"));
    }

    @Test
    void a_histogram_without_its_total_line_is_an_error() {
        assertThrows(IllegalStateException.class, () -> ServerProbe.histogram("12345:\nAttach failed\n"));
    }
}
