package org.alcove.server.room;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LogScopeTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void an_inner_scope_adds_ids_and_closing_it_restores_the_outer_ones() {
        try (LogScope outer = LogScope.of("s-outer", null)) {
            try (LogScope inner = LogScope.of("s-inner", "p-1")) {
                assertEquals("s-inner", MDC.get(LogScope.SESSION));
                assertEquals("p-1", MDC.get(LogScope.PARTICIPANT));
            }
            assertEquals("s-outer", MDC.get(LogScope.SESSION));
            assertNull(MDC.get(LogScope.PARTICIPANT));
        }
        assertNull(MDC.get(LogScope.SESSION));
    }

    @Test
    void missing_ids_leave_what_is_there() {
        try (LogScope outer = LogScope.of("s-1", "p-1");
             LogScope inner = LogScope.of(null, null)) {
            assertEquals("s-1", MDC.get(LogScope.SESSION));
            assertEquals("p-1", MDC.get(LogScope.PARTICIPANT));
        }
        assertNull(MDC.get(LogScope.SESSION));
        assertNull(MDC.get(LogScope.PARTICIPANT));
    }
}
