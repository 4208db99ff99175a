package org.alcove.server.audit;

import org.alcove.server.config.ConfigLoader;
import org.alcove.server.store.Database;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainIT {
    private TestServer server;
    private AuditLog audit;

    @BeforeEach
    void start() {
        server = TestServer.start();
        audit = server.audit();
        Instant at = server.clock().instant();
        for (int i = 0; i < 5; i++) {
            audit.append(new AuditEvent(at.plusSeconds(i), "s_chain", "p_" + i, "client", "room.joined", "ok", null));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_row_links_to_the_one_before_from_the_genesis_value() {
        List<AuditRow> rows = all();
        assertEquals(AuditChain.GENESIS, rows.get(0).prevHash());
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(rows.get(i - 1).hash(), rows.get(i).prevHash());
            assertTrue(rows.get(i).hash().matches("[0-9a-f]{64}"));
        }
        AuditChain.Verdict verdict = audit.verify();
        assertTrue(verdict.ok());
        assertEquals("audit chain OK: " + rows.size() + " rows", verdict.describe());
    }

    @Test
    void rows_appended_together_are_chained_in_order_after_the_newest_row() {
        Instant at = server.clock().instant();
        AuditRow before = all().get(all().size() - 1);
        audit.appendAll(List.of(new AuditEvent(at, "s_chain", "p_a", "client", "room.joined", "ok", null),
                new AuditEvent(at, "s_chain", "p_a", "client", "room.left", "ok", null)));
        audit.append(new AuditEvent(at, "s_chain", "p_b", "client", "room.joined", "ok", null));

        List<AuditRow> rows = all();
        List<AuditRow> added = rows.subList(rows.size() - 3, rows.size());
        assertEquals(List.of("room.joined", "room.left", "room.joined"), added.stream().map(r -> r.event().event()).toList());
        assertEquals(before.hash(), added.get(0).prevHash());
        assertTrue(audit.verify().ok());
    }

    @Test
    void changing_a_row_with_sql_breaks_the_chain_at_that_row() throws Exception {
        AuditRow victim = all().get(3);
        update("UPDATE audit_events SET outcome = 'tampered' WHERE seq = ?", victim.seq());

        AuditChain.Verdict verdict = audit.verify();
        assertFalse(verdict.ok());
        assertEquals(victim.seq(), verdict.brokenAt().seq());
        assertEquals("audit chain BROKEN at row " + victim.seq() + " (" + victim.event().at() + " room.joined)",
                verdict.describe());
    }

    @Test
    void deleting_a_row_breaks_the_chain_at_the_next_row() throws Exception {
        List<AuditRow> rows = all();
        update("DELETE FROM audit_events WHERE seq = ?", rows.get(2).seq());
        assertEquals(rows.get(3).seq(), audit.verify().brokenAt().seq());
    }

    @Test
    void rewriting_a_row_and_its_own_hash_still_breaks_at_the_next_row() throws Exception {
        List<AuditRow> rows = all();
        AuditRow victim = rows.get(1);
        AuditEvent forged = new AuditEvent(victim.event().at(), "s_chain", "p_other", "client", "room.joined", "ok", null);
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_events SET participant_id = ?, hash = ? WHERE seq = ?")) {
            ps.setString(1, "p_other");
            ps.setString(2, AuditChain.hash(forged, victim.prevHash()));
            ps.setLong(3, victim.seq());
            ps.executeUpdate();
        }
        assertEquals(rows.get(2).seq(), audit.verify().brokenAt().seq());
    }

    @Test
    void rows_written_before_the_chain_existed_are_sealed_in_order_on_start() throws Exception {
        update("UPDATE audit_events SET prev_hash = NULL, hash = NULL WHERE seq > ?", 0);
        assertFalse(audit.verify().ok());
        assertEquals(all().size(), audit.sealUnhashed());
        assertTrue(audit.verify().ok());
        audit.append(new AuditEvent(server.clock().instant(), null, null, null, "auth.login", "failed", null));
        assertTrue(audit.verify().ok());
        assertEquals(0, audit.sealUnhashed());
    }

    @Test
    void the_verify_command_reports_ok_then_names_the_tampered_row() throws Exception {
        Path data = server.dataDir();
        AuditRow victim = all().get(2);
        server.server().stop();
        assertEquals(0, verify(data).status(), verify(data).out());
        assertTrue(verify(data).out().startsWith("audit chain OK: "), verify(data).out());

        try (Database db = Database.open(ConfigLoader.load(Map.of(), Map.of("store.data-dir", data.toString())).store())) {
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE audit_events SET event = 'room.left' WHERE seq = ?")) {
                ps.setLong(1, victim.seq());
                ps.executeUpdate();
            }
        }
        Run broken = verify(data);
        assertEquals(1, broken.status());
        assertEquals("audit chain BROKEN at row " + victim.seq() + " (" + victim.event().at() + " room.left)", broken.out().trim());

        Run launched = launch(data);
        assertEquals(1, launched.status(), launched.out());
        assertEquals(broken.out().trim(), launched.out().trim());
    }

    @Test
    void a_clean_stop_stores_every_row_left_for_later_before_the_database_closes() throws Exception {
        Path data = server.dataDir();
        int before = all().size();
        Instant at = server.clock().instant();
        audit.appendLater(IntStream.range(0, 1_000)
                .mapToObj(i -> new AuditEvent(at, "s_later", "p_" + i, "client", "room.left", "ok", null)).toList());
        server.server().stop();

        assertEquals("audit chain OK: " + (before + 1_000) + " rows", verify(data).out().trim());
    }

    @Test
    void the_verify_command_refuses_a_missing_data_directory() {
        Run run = verify(server.dataDir().resolve("nothing-here"));
        assertEquals(2, run.status());
    }

    private record Run(int status, String out) {
    }

    private static Run verify(Path data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerify.run(new String[]{"verify", "--data", data.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    /** What {@code ./alcove audit verify --data DIR} runs: the packaged jar and its libraries in a new JVM. */
    private static Run launch(Path data) throws Exception {
        Path jar = Path.of("target", "alcove-server.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the verify phase packages the jar before integration tests");
        String classpath = jar + java.io.File.pathSeparator + jar.getParent().resolve("lib") + java.io.File.separator + "*";
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.alcove.server.audit.AuditVerify", "verify", "--data", data.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String last = out.lines().filter(line -> line.startsWith("audit chain")).findFirst().orElse(out);
        return new Run(process.exitValue(), last);
    }

    private List<AuditRow> all() {
        return new ArrayList<>(audit.find(new AuditQuery(null, null, null, null, null, 0, Integer.MAX_VALUE)));
    }

    private void update(String sql, long seq) throws Exception {
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }
}
