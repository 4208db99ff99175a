package org.alcove.server.security;

import org.alcove.server.ops.LogCapture;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.LiveViewStream;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confidentiality by construction, checked after the fact: a full scripted session with its
 * failures (bad sign-ins, forged and replayed links, malformed and chat-like messages, a second
 * device, a drop and resume, a decline, a reissue, an admin watching and removing), then every
 * log line (both shipped formats), every stored row and every byte under the data directory
 * is searched. No token, resume key, password, SDP, ICE candidate address or message text may
 * appear anywhere; emails and names only in the columns meant to hold them.
 */
@Adversarial
class ConfidentialityIT {
    private static final String SDP_MARKER = "x-sdp-marker-7f3a";
    private static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 203.0.113.61\r\ns=-\r\nt=0 0\r\n"
            + "a=" + SDP_MARKER + "\r\nc=IN IP4 203.0.113.62\r\n";
    private static final String CANDIDATE_V4 = "candidate:1 1 udp 2122260223 203.0.113.63 54400 typ host";
    private static final String CANDIDATE_V6 = "candidate:2 1 udp 2122260223 2001:db8::6464 54402 typ host";
    private static final String CHAT = "I have not told anyone this before";
    /** Columns meant to hold a person's email or name; nothing personal may be anywhere else. */
    private static final Set<String> PERSONAL_COLUMNS = Set.of("USERS.EMAIL", "USERS.NAME", "PARTICIPANTS.EMAIL",
            "PARTICIPANTS.NAME");

    @Test
    void after_a_full_session_with_failures_no_secret_is_in_any_log_line_stored_row_or_file() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(SDP_MARKER, "v=0", "203.0.113.6", "2001:db8::6464",
                "candidate:", CHAT, "therapist-password", TestServer.ADMIN_PASSWORD, "wrong-password-guess"));
        List<String> personal = new ArrayList<>();
        try (LogCapture json = LogCapture.json(); LogCapture text = LogCapture.text()) {
            try (Arena arena = Arena.start()) {
                Api api = arena.api();
                personal.addAll(List.of(arena.therapistEmail(), Arena.CLIENT_NAME_PREFIX,
                        arena.testServer().users().findByEmail(arena.therapistEmail()).orElseThrow().name()));
                secrets.add(arena.therapistLogin());

                // Failed sign-ins and forged credentials over HTTP.
                api.send("POST", "/api/auth/login", null,
                        "{\"email\":\"" + arena.therapistEmail() + "\",\"password\":\"wrong-password-guess\"}");
                api.send("POST", "/api/auth/login", null,
                        "{\"email\":\"quentavia.ghost@example.test\",\"password\":\"wrong-password-guess\"}");
                personal.add("quentavia.ghost@example.test");
                api.send("GET", "/api/sessions", "forged.bearer.token-secret", null);

                BookedSession booking = arena.book(2);
                secrets.addAll(booking.clientTokens());
                secrets.add(booking.therapistToken());
                personal.addAll(List.of("quentaviaclienta@example.test", "quentaviaclientb@example.test"));

                // Forged and garbage links, and messages that carry text nobody may keep.
                refused(arena, "garbage-token-secret", "auth-failed");
                refused(arena, booking.clientToken(0).substring(0, booking.clientToken(0).length() - 3) + "AAA", "auth-failed");
                secrets.add("garbage-token-secret");

                try (Arena.Call call = arena.admitted(booking, 0)) {
                    String resumeKey = call.client().received().get(0).path("resumeKey").asText();
                    secrets.add(resumeKey);
                    call.therapist().send(new ClientMessage.Offer(booking.clientId(0), SDP));
                    call.client().nextOfType("offer", Arena.WAIT);
                    call.client().send(new ClientMessage.Answer(booking.therapistId(), SDP));
                    call.therapist().nextOfType("answer", Arena.WAIT);
                    call.client().send(new ClientMessage.Candidate(booking.therapistId(), CANDIDATE_V4, "0", 0));
                    call.client().send(new ClientMessage.Candidate(booking.therapistId(), CANDIDATE_V6, "0", 0));
                    call.therapist().nextOfType("candidate", Arena.WAIT);
                    call.client().send("{\"type\":\"chat\",\"text\":\"" + CHAT + "\"}");
                    call.client().nextErrorCode(Arena.WAIT);
                    call.client().send("{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + "\",\"sdp\":\"" + SDP_MARKER);
                    call.client().nextErrorCode(Arena.WAIT);
                    call.client().send(new ClientMessage.Quality(booking.therapistId(), 40, 1.0, true));

                    refused(arena, booking.clientToken(0), "seat-taken");

                    // A drop and a resume with the key.
                    call.client().drop();
                    call.therapist().nextOfType("peer-reconnecting", Arena.WAIT);
                    try (SignalingClient back = SignalingClient.join(arena.uri(), booking.clientToken(0), resumeKey)) {
                        back.nextOfType("welcome", Arena.WAIT);
                        call.therapist().nextOfType("peer-reconnected", Arena.WAIT);

                        // Client B is declined, its link reissued, and the old one replayed.
                        try (SignalingClient b = SignalingClient.join(arena.uri(), booking.clientToken(1))) {
                            b.nextOfType("welcome", Arena.WAIT);
                            call.therapist().send(new ClientMessage.Decline(booking.clientId(1)));
                            b.awaitClose(Arena.WAIT);
                        }
                        String reissued = arena.reissue(booking, 1);
                        secrets.add(reissued);
                        refused(arena, booking.clientToken(1), "link-reissued");

                        // An admin watches, exports the audit trail and removes the client.
                        String admin = api.loginAdmin();
                        secrets.add(admin);
                        try (LiveViewStream live = LiveViewStream.open(arena.uri(), admin)) {
                            live.await(event -> event.toString().contains(booking.sessionId()), Arena.WAIT);
                        }
                        Api.Response csv = api.send("GET", "/api/admin/audit?format=csv", admin, null);
                        assertEquals(200, csv.status());
                        assertLinesClean("audit CSV export", csv.body().lines().toList(), secrets, personal);
                        Api.expect(204, api.send("POST", "/api/admin/sessions/" + booking.sessionId() + "/participants/"
                                + booking.clientId(0) + "/remove", admin, "{\"reason\":\"conduct\"}"));
                        back.awaitClose(Arena.WAIT);
                        call.therapist().send(new ClientMessage.End());
                        call.therapist().awaitClose(Arena.WAIT);
                    }
                }
                json.await(1, line -> line.contains("closed"), Arena.WAIT);
                arena.bystander().assertUndisturbed();

                assertStoredRowsClean(arena, secrets, personal);
                assertFilesClean(arena.testServer().dataDir(), secrets, "quentaviaclienta@example.test");
            }
            assertLinesClean("JSON log", json.lines(), secrets, personal);
            assertLinesClean("text log", text.lines(), secrets, personal);
        }
    }

    private static void refused(Arena arena, String token, String code) {
        try (SignalingClient socket = SignalingClient.join(arena.uri(), token)) {
            assertEquals(code, socket.nextErrorCode(Arena.WAIT));
            socket.awaitClose(Arena.WAIT);
        }
    }

    private static void assertLinesClean(String where, List<String> lines, List<String> secrets, List<String> personal) {
        assertTrue(lines.size() > 10, where + " captured the session: " + lines.size() + " lines");
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), where + " leaks " + secret + ": " + line);
            }
            for (String value : personal) {
                assertFalse(line.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)),
                        where + " leaks " + value + ": " + line);
            }
        }
    }

    /** Reads every row of every table of the application's schema. */
    private static void assertStoredRowsClean(Arena arena, List<String> secrets, List<String> personal) throws SQLException {
        int cells = 0;
        boolean personalStored = false;
        try (Connection db = arena.testServer().database().dataSource().getConnection();
             Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.containsAll(List.of("USERS", "SESSIONS", "PARTICIPANTS", "AUDIT_EVENTS")), tables.toString());
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            String value = rs.getString(column);
                            if (value == null) {
                                continue;
                            }
                            cells++;
                            String where = table + "." + meta.getColumnName(column).toUpperCase(Locale.ROOT);
                            for (String secret : secrets) {
                                assertFalse(value.contains(secret), where + " stores " + secret);
                            }
                            for (String item : personal) {
                                boolean found = value.toLowerCase(Locale.ROOT).contains(item.toLowerCase(Locale.ROOT));
                                if (found) {
                                    assertTrue(PERSONAL_COLUMNS.contains(where), where + " stores " + item + ": " + value);
                                    personalStored = true;
                                }
                            }
                        }
                    }
                }
            }
            statement.execute("CHECKPOINT SYNC");
        }
        assertTrue(cells > 50, "read the stored rows: " + cells);
        assertTrue(personalStored, "the booking's names and emails are stored where they belong");
    }

    /** Every byte under the data directory (database files, key, anything else written there). */
    private static void assertFilesClean(Path dataDir, List<String> secrets, String storedEmail) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        String bytes = all.toString();
        // The search sees the database's contents: an email that is meant to be stored is found.
        assertTrue(bytes.contains(storedEmail), "the data files were not readable as stored");
        for (String secret : secrets) {
            assertFalse(bytes.contains(secret), "a file under the data directory holds " + secret);
        }
    }
}
