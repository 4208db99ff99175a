package org.alcove.server.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogScopeTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void an_inner_scope_adds_ids_and_leaving_it_restores_the_outer_ones() {
        LogScope.around("s-outer", null, () -> {
            LogScope.around("s-inner", "p-1", () -> {
                assertEquals("s-inner", MDC.get(LogScope.SESSION));
                assertEquals("p-1", MDC.get(LogScope.PARTICIPANT));
            });
            assertEquals("s-outer", MDC.get(LogScope.SESSION));
            assertNull(MDC.get(LogScope.PARTICIPANT));
        });
        assertNull(MDC.get(LogScope.SESSION));
    }

    @Test
    void missing_ids_leave_what_is_there_and_a_failure_still_restores() {
        LogScope.around("s-1", "p-1", () -> LogScope.around(null, null, () -> {
            assertEquals("s-1", MDC.get(LogScope.SESSION));
            assertEquals("p-1", MDC.get(LogScope.PARTICIPANT));
        }));
        // The failure reaches the caller, and the scope is still left.
        assertThrows(IllegalStateException.class, () -> LogScope.around("s-2", null, () -> {
            throw new IllegalStateException("boom");
        }));
        assertNull(MDC.get(LogScope.SESSION));
        assertNull(MDC.get(LogScope.PARTICIPANT));
    }
}
