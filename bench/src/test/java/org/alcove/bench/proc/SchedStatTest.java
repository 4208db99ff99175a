package org.alcove.bench.proc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedStatTest {

    @Test
    void the_first_field_is_the_time_spent_running() {
        assertEquals(291325L, SchedStat.parse("291325 1447876 4"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void this_jvm_has_run_for_some_time() {
        assertTrue(SchedStat.cpuNanos(ProcessHandle.current().pid()) > 0, "no CPU time read");
    }

    @Test
    void a_process_that_does_not_exist_has_no_figure() {
        assertEquals(-1, SchedStat.cpuNanos(Long.MAX_VALUE));
    }
}
