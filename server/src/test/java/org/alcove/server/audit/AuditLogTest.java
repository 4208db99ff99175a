package org.alcove.server.audit;

import org.alcove.server.config.ConfigLoader;
import org.alcove.server.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appends now and later against the real embedded database: order, reads, failures, bound, stop. */
class AuditLogTest {
    private static final Instant AT = Instant.parse("2026-05-01T14:00:00Z");

    @TempDir
    Path dir;
    private Database database;
    private AuditLog audit;

    @BeforeEach
    void open() {
        database = Database.open(ConfigLoader.load(Map.of(), Map.of("store.data-dir", dir.toString())).store());
        audit = new AuditLog(database);
    }

    @AfterEach
    void close() {
        audit.close();
        database.close();
    }

    private static AuditEvent joined(String session, String participant) {
        return new AuditEvent(AT, session, participant, "client", "room.joined", "ok", null);
    }

    private static List<AuditEvent> joins(String session, int count) {
        return IntStream.range(0, count).mapToObj(i -> joined(session, "p_" + i)).toList();
    }

    private static List<String> participants(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::participantId).toList();
    }

    /** Rows in the table, read around the log so nothing waits for its writer. */
    private long stored() throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rows_written_now_and_later_are_chained_in_the_order_they_were_handed_over() {
        audit.appendLater(List.of(joined("s1", "a")));
        audit.append(joined("s1", "b"));
        audit.appendLater(List.of(joined("s1", "c"), joined("s1", "d")));
        audit.appendAll(List.of(joined("s1", "e")));
        audit.appendLater(List.of(joined("s1", "f")));

        assertEquals(List.of("a", "b", "c", "d", "e", "f"), participants(audit.forSession("s1")));
        assertEquals("audit chain OK: 6 rows", audit.verify().describe());
    }

    @Test
    void each_thread_keeps_its_order_and_the_chain_stays_linear_when_threads_mix_both_kinds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String session = "s" + t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        if (i % 10 == 0) {
                            audit.append(joined(session, "p_" + i));
                        } else {
                            audit.appendLater(List.of(joined(session, "p_" + i)));
                        }
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }
        for (int t = 0; t < 4; t++) {
            assertEquals(participants(joins("s" + t, 100)), participants(audit.forSession("s" + t)));
        }
        assertEquals("audit chain OK: 400 rows", audit.verify().describe());
    }

    @Test
    void a_read_right_after_rows_are_left_for_later_sees_them() {
        // Big enough that the background writer is still busy with it when the reads start.
        audit.appendLater(joins("s1", 2_000));
        assertEquals(2_000, audit.forSession("s1").size());

        audit.appendLater(List.of(new AuditEvent(AT, null, null, null, "auth.login", "failed", null)));
        assertEquals(1, audit.withoutSession().size());

        audit.appendLater(joins("s2", 500));
        assertEquals(500, audit.find(new AuditQuery(null, null, "s2", null, null, 0, Integer.MAX_VALUE)).size());

        audit.appendLater(joins("s3", 500));
        assertEquals("audit chain OK: 3001 rows", audit.verify().describe());
    }

    @Test
    void a_row_that_cannot_be_stored_loses_no_other_row_of_its_batch() {
        AuditEvent tooLong = new AuditEvent(AT, "s1", "bad", "client", "room.joined", "ok", null, "x".repeat(501));
        audit.appendLater(List.of(joined("s1", "a"), tooLong, joined("s1", "b")));
        audit.appendLater(List.of(joined("s1", "c")));

        assertEquals(List.of("a", "b", "c"), participants(audit.forSession("s1")));
        assertTrue(audit.verify().ok());
    }

    @Test
    void past_the_bound_the_caller_writes_the_queued_rows_itself() throws Exception {
        audit.close();
        audit = new AuditLog(database, 2, false);

        audit.appendLater(joins("s1", 2));
        // Counted around the log (a read would write them): with no background writer they wait.
        assertEquals(0, stored());

        audit.appendLater(List.of(joined("s2", "c")));
        assertEquals(3, stored());
    }

    @Test
    void each_queued_row_reports_whether_it_was_stored_in_order_before_a_flush_returns() {
        List<String> reports = new ArrayList<>();
        AuditEvent tooLong = new AuditEvent(AT, "s1", "bad", "client", "room.joined", "ok", null, "x".repeat(501));
        audit.queue(joined("s1", "a"), stored -> reports.add("a " + stored));
        audit.queue(tooLong, stored -> reports.add("bad " + stored));
        audit.queue(joined("s1", "b"), null);
        audit.queue(joined("s1", "c"), stored -> reports.add("c " + stored));
        audit.flush();

        assertEquals(List.of("a true", "bad false", "c true"), reports);
    }

    @Test
    void closing_writes_every_pending_row_and_later_rows_are_written_by_their_callers() throws Exception {
        audit.appendLater(joins("s1", 2_000));
        audit.close();
        assertEquals(2_000, stored());

        audit.appendLater(List.of(joined("s1", "after")));
        assertEquals(2_001, stored());
        assertEquals("audit chain OK: 2001 rows", new AuditLog(database).verify().describe());
    }
}
