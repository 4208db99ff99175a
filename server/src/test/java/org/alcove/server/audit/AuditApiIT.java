package org.alcove.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditApiIT {
    private static final String TRICKY = "Line one, \"quoted\"\nline two";

    private TestServer server;
    private Api api;
    private String admin;
    private Instant t0;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.loginAdmin();
        t0 = server.clock().instant().plusSeconds(3600);
        AuditLog audit = server.audit();
        audit.append(new AuditEvent(t0, "s_a", "p_1", "client", "room.joined", "ok", "p_1"));
        audit.append(new AuditEvent(t0.plusSeconds(10), "s_a", "p_1", "client", "room.admitted", "ok", null));
        audit.append(new AuditEvent(t0.plusSeconds(20), "s_b", "p_2", "client", "room.joined", "ok", "p_2"));
        audit.append(new AuditEvent(t0.plusSeconds(30), "s_a", null, null, "admin.session-ended", "ok", "u_admin", TRICKY));
        audit.append(new AuditEvent(t0.plusSeconds(40), "s_a", "p_9", "client", "admin.participant-removed", "ok",
                "u_admin", "=HYPERLINK(\"x\")"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void filters_by_time_session_participant_and_event_type_or_prefix() {
        assertEquals(List.of("room.joined", "room.admitted", "admin.session-ended", "admin.participant-removed"),
                events("?sessionId=s_a"));
        assertEquals(List.of("room.joined", "room.admitted"), events("?participantId=p_1"));
        assertEquals(List.of("room.joined", "room.admitted", "room.joined"), events("?type=room."));
        assertEquals(List.of("room.joined", "room.joined"), events("?type=room.joined"));
        assertEquals(List.of("room.admitted", "room.joined"),
                events("?from=" + t0.plusSeconds(10) + "&to=" + t0.plusSeconds(30)));
        assertEquals(List.of("admin.session-ended"), events("?sessionId=s_a&type=admin.session-ended&from=" + t0));
    }

    @Test
    void json_rows_carry_their_chain_and_the_admins_reason() {
        JsonNode page = Api.expect(200, api.send("GET", "/api/admin/audit?type=admin.session-ended", admin, null));
        JsonNode row = page.path("rows").get(0);
        assertEquals(TRICKY, row.path("detail").asText());
        assertEquals("u_admin", row.path("actorId").asText());
        assertEquals(t0.plusSeconds(30).toString(), row.path("at").asText());
        assertTrue(row.path("hash").asText().matches("[0-9a-f]{64}"));
        assertTrue(row.path("prevHash").asText().matches("[0-9a-f]{64}"));
        assertTrue(page.path("next").isMissingNode());
    }

    @Test
    void pages_oldest_first_with_a_cursor() {
        JsonNode first = Api.expect(200, api.send("GET", "/api/admin/audit?sessionId=s_a&limit=3", admin, null));
        assertEquals(3, first.path("rows").size());
        long next = first.path("next").asLong();
        assertEquals(first.path("rows").get(2).path("seq").asLong(), next);
        JsonNode second = Api.expect(200, api.send("GET", "/api/admin/audit?sessionId=s_a&limit=3&after=" + next, admin, null));
        assertEquals(1, second.path("rows").size());
        assertEquals("admin.participant-removed", second.path("rows").get(0).path("event").asText());
        assertTrue(second.path("next").isMissingNode());
    }

    @Test
    void csv_export_quotes_commas_quotes_and_newlines_and_defuses_formulas() throws Exception {
        Api.Response response = api.send("GET", "/api/admin/audit?sessionId=s_a&format=csv", admin, null);
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith("text/csv"), response.header("Content-Type"));
        assertTrue(response.header("Content-Disposition").startsWith("attachment"));
        assertTrue(response.body().startsWith("seq,at,event,outcome,sessionId,participantId,role,actorId,detail,prevHash,hash\n"),
                response.body());

        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(response.body())) {
            it.forEachRemaining(lines::add);
        }
        assertEquals(5, lines.size());
        assertEquals(TRICKY, lines.get(3).get(8));
        assertEquals("'=HYPERLINK(\"x\")", lines.get(4).get(8));
        assertEquals(t0.toString(), lines.get(1).get(1));
    }

    @Test
    void bad_filters_are_400_naming_the_parameter() {
        for (Map.Entry<String, String> bad : Map.of(
                "from=yesterday", "from", "to=2030-13-01T00:00:00Z", "to", "limit=0", "limit", "limit=10001", "limit",
                "format=xml", "format", "type=ROOM%25", "type", "sessionId=a%20b", "sessionId", "after=-1", "after").entrySet()) {
            Api.Response response = api.send("GET", "/api/admin/audit?" + bad.getKey(), admin, null);
            assertEquals(400, response.status(), bad.getKey());
            assertEquals(bad.getValue(), response.json().path("field").asText(), bad.getKey());
        }
    }

    @Test
    void only_admins_read_the_trail() {
        String therapist = api.newTherapist("audit-reader@example.test");
        assertEquals(403, api.send("GET", "/api/admin/audit", therapist, null).status());
        assertEquals(403, api.send("GET", "/api/admin/audit?format=csv", therapist, null).status());
        assertEquals(401, api.send("GET", "/api/admin/audit", null, null).status());
    }

    @Test
    void no_row_holds_an_email_a_name_or_a_token() {
        String therapist = api.newTherapist("private.person@example.test");
        JsonNode session = api.schedule(therapist, server.clock().instant(), 50, "Secret Clientname");
        String body = api.send("GET", "/api/admin/audit?format=csv", admin, null).body()
                + api.send("GET", "/api/admin/audit", admin, null).body();
        assertFalse(body.contains("private.person"), body);
        assertFalse(body.contains("Secret Clientname"), body);
        assertFalse(body.contains(Api.tokenOf(session.path("therapistLink").asText())));
        assertFalse(body.contains(therapist));
    }

    private List<String> events(String query) {
        JsonNode page = Api.expect(200, api.send("GET", "/api/admin/audit" + query, admin, null));
        List<String> events = new ArrayList<>();
        page.path("rows").forEach(row -> events.add(row.path("event").asText()));
        return events;
    }
}
