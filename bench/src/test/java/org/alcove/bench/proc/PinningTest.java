package org.alcove.bench.proc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinningTest {

    @Test
    void without_taskset_nothing_is_pinned_and_the_report_says_so() {
        Pinning none = new Pinning(null, 8);
        assertEquals(List.of(), none.serverPrefix());
        assertTrue(none.describe().startsWith("not pinned"));
    }
}
