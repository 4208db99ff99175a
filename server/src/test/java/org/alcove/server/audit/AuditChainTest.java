package org.alcove.server.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A row's hash never changes with the code that computes it: stored trails must keep verifying. */
class AuditChainTest {
    @Test
    void hashes_rows_exactly_as_trails_already_stored_were_hashed() {
        // Golden values computed by the first implementation (ObjectMapper over a list), with
        // nulls, escapes and characters outside Latin-1 in the fields.
        AuditEvent awkward = new AuditEvent(Instant.parse("2026-05-01T14:00:00.123Z"), "s_1", "p_\u00e9\"\\\n<x>",
                "client", "room.joined", "ok", null, "d \u2028 \ud83d\ude00");
        AuditEvent plain = new AuditEvent(Instant.parse("2026-05-01T14:00:00Z"), null, null, null, "auth.login",
                "failed", "u_1", null);

        assertEquals("39fca4c394194bad0d1de3875b4156edb336f76d78a3d63aa84b0606708f428e",
                AuditChain.hash(awkward, AuditChain.GENESIS));
        assertEquals("1c240f70ecdf56ae4fdb7156eb7e1403a5ae5eadd86c082b79fe761df5214087",
                AuditChain.hash(plain, "ab".repeat(32)));
    }
}
