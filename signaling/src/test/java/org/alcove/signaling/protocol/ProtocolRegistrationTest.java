package org.alcove.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolRegistrationTest {
    private static final Instant AT = Instant.parse("2026-11-22T14:00:00Z");
    private final MessageCodec codec = new MessageCodec();
    private final ObjectMapper plain = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void every_client_message_is_registered_under_a_unique_wire_name() {
        assertRegistered(ClientMessage.class);
    }

    @Test
    void every_server_message_is_registered_under_a_unique_wire_name() {
        assertRegistered(ServerMessage.class);
    }

    private static void assertRegistered(Class<?> sealed) {
        JsonSubTypes.Type[] types = sealed.getAnnotation(JsonSubTypes.class).value();
        Set<Class<?>> registered = Arrays.stream(types).map(JsonSubTypes.Type::value).collect(Collectors.toSet());
        Set<Class<?>> permitted = Set.of(sealed.getPermittedSubclasses());
        assertEquals(permitted, registered);
        assertEquals(permitted.size(), types.length, "a class is registered twice");
        Set<String> names = new HashSet<>();
        for (JsonSubTypes.Type type : types) {
            assertTrue(type.name().matches("[a-z]+(-[a-z]+)*"), type.name());
            assertTrue(names.add(type.name()), "wire name used twice: " + type.name());
        }
    }

    @Test
    void client_and_server_wire_names_mean_the_same_message_where_they_overlap() {
        Map<String, String> client = names(ClientMessage.class);
        Map<String, String> server = names(ServerMessage.class);
        for (String shared : List.of("offer", "answer", "candidate", "ice-restart")) {
            assertEquals(client.get(shared), server.get(shared));
        }
    }

    private static Map<String, String> names(Class<?> sealed) {
        return Arrays.stream(sealed.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toMap(JsonSubTypes.Type::name, t -> t.value().getSimpleName(), (a, b) -> a));
    }

    static List<ServerMessage> everyServerMessage() {
        ServerMessage.Peer peer = new ServerMessage.Peer("c-1", Role.client, "Client One", true, false);
        return List.of(
            new ServerMessage.Welcome("c-1", "s-1", Role.client, ServerMessage.SeatState.waiting, AT,
                    AT.plusSeconds(3000), "k3y_-", false),
            new ServerMessage.Roster(List.of(peer, new ServerMessage.Peer("t-1", Role.therapist, "Dr T", false, true)),
                    List.of(new ServerMessage.IceServer(List.of("stun:stun.example.org"), null, null),
                            new ServerMessage.IceServer(List.of("turn:turn.example.org?transport=udp"), "1700000000:c-1",
                                    "c2VjcmV0")),
                    ServerMessage.IceTransportPolicy.relay),
            new ServerMessage.WaitingList(List.of(new ServerMessage.Waiting("c-2", "Client Two", AT))),
            new ServerMessage.PeerJoined(peer),
            new ServerMessage.PeerLeft("c-1", LeaveReason.connection_lost),
            new ServerMessage.PeerReconnecting("c-1"),
            new ServerMessage.PeerReconnected("c-1"),
            new ServerMessage.Offer("t-1", "v=0\r\n"),
            new ServerMessage.Answer("c-1", "v=0\r\n"),
            new ServerMessage.Candidate("c-1", "candidate:1 1 udp 1 192.0.2.1 9 typ host", "0", 0),
            new ServerMessage.IceRestart("t-1"),
            new ServerMessage.SessionWarning(AT, 5),
            new ServerMessage.SessionExtended(AT),
            new ServerMessage.SessionEnded(EndReason.ENDED_BY_THERAPIST),
            new ServerMessage.Error(ErrorCode.SEAT_TAKEN),
            ServerMessage.Error.notYetOpen(AT, AT.minusSeconds(900), "Dr Ada"),
            new ServerMessage.Pong(),
            new ServerMessage.ServerShutdown(AT),
            new ServerMessage.AdminAction(ServerMessage.AdminActionKind.removed, "c-1", "Safety <b>concern</b>"));
    }

    @Test
    void the_round_trip_sample_covers_every_server_message() {
        assertEquals(Set.of(ServerMessage.class.getPermittedSubclasses()),
                everyServerMessage().stream().map(Object::getClass).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyServerMessage")
    void every_server_message_survives_a_round_trip(ServerMessage message) throws Exception {
        String json = codec.write(message);
        assertEquals(message, plain.readValue(json, ServerMessage.class), json);
    }

    @Test
    void instants_are_iso_strings_and_enums_use_their_wire_names() throws Exception {
        JsonNode welcome = tree(new ServerMessage.Welcome("c-1", "s-1", Role.therapist, ServerMessage.SeatState.admitted,
                AT, AT.plusSeconds(60), "key", true));
        assertEquals("welcome", welcome.get("type").asText());
        assertEquals("2026-11-22T14:00:00Z", welcome.get("startsAt").asText());
        assertEquals("2026-11-22T14:01:00Z", welcome.get("endsAt").asText());
        assertEquals("therapist", welcome.get("role").asText());
        assertEquals("admitted", welcome.get("state").asText());
        assertTrue(welcome.get("resumed").asBoolean());

        assertEquals("connection-lost", tree(new ServerMessage.PeerLeft("c-1", LeaveReason.connection_lost)).get("reason").asText());
        assertEquals("link-revoked", tree(new ServerMessage.PeerLeft("c-1", LeaveReason.link_revoked)).get("reason").asText());
        assertEquals("ended-by-therapist", tree(new ServerMessage.SessionEnded(EndReason.ENDED_BY_THERAPIST)).get("reason").asText());
        assertEquals("time-up", tree(new ServerMessage.SessionEnded(EndReason.TIME_UP)).get("reason").asText());
        assertEquals("session-warning", tree(new ServerMessage.SessionWarning(AT, 5)).get("type").asText());
    }

    @Test
    void a_roster_carries_ice_servers_as_rtc_configuration_expects_them() throws Exception {
        JsonNode roster = tree(new ServerMessage.Roster(List.of(),
                List.of(new ServerMessage.IceServer(List.of("stun:stun.example.org"), null, null),
                        new ServerMessage.IceServer(List.of("turn:turn.example.org"), "1700000000:c-1", "c2VjcmV0")),
                ServerMessage.IceTransportPolicy.relay));
        assertEquals("relay", roster.get("iceTransportPolicy").asText());
        JsonNode stun = roster.get("iceServers").get(0);
        assertEquals("stun:stun.example.org", stun.get("urls").get(0).asText());
        assertFalse(stun.has("username"), "a STUN server has no credentials: " + stun);
        assertFalse(stun.has("credential"), "a STUN server has no credentials: " + stun);
        JsonNode turn = roster.get("iceServers").get(1);
        assertEquals("1700000000:c-1", turn.get("username").asText());
        assertEquals("c2VjcmV0", turn.get("credential").asText());

        JsonNode plainRoster = tree(new ServerMessage.Roster(List.of()));
        assertEquals(0, plainRoster.get("iceServers").size());
        assertEquals("all", plainRoster.get("iceTransportPolicy").asText());
    }

    @Test
    void every_end_reason_and_leave_reason_is_written_as_its_wire_name() throws Exception {
        for (EndReason reason : EndReason.values()) {
            assertEquals(reason.wireName(), tree(new ServerMessage.SessionEnded(reason)).get("reason").asText());
        }
        for (LeaveReason reason : LeaveReason.values()) {
            assertEquals(reason.name().replace('_', '-'), tree(new ServerMessage.PeerLeft("c-1", reason)).get("reason").asText());
        }
    }

    @Test
    void errors_carry_the_code_wire_name_and_a_fixed_message_and_omit_absent_fields() throws Exception {
        JsonNode error = tree(new ServerMessage.Error(ErrorCode.SEAT_TAKEN));
        assertEquals("error", error.get("type").asText());
        assertEquals("seat-taken", error.get("code").asText());
        assertEquals(ErrorCode.SEAT_TAKEN.description(), error.get("message").asText());
        assertFalse(error.has("startsAt"));
        assertFalse(error.has("opensAt"));
        JsonNode early = tree(ServerMessage.Error.notYetOpen(AT, AT.minusSeconds(900), "Dr Ada"));
        assertEquals("2026-11-22T14:00:00Z", early.get("startsAt").asText());
        assertEquals("2026-11-22T13:45:00Z", early.get("opensAt").asText());
        assertEquals("Dr Ada", early.get("therapistName").asText());
    }

    @Test
    void every_error_code_has_a_unique_kebab_case_wire_name_and_fatal_ones_a_unique_close() {
        assertUnique(ErrorCode.values(), ErrorCode::wireName);
        assertUnique(CloseCode.values(), CloseCode::code);
        assertUnique(CloseCode.values(), CloseCode::reason);
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.wireName().matches("[a-z]+(-[a-z]+)*"), code.wireName());
            if (code.fatal()) {
                int close = code.closeCode().code();
                assertTrue(close >= 4000 && close <= 4999, code + " closes with " + close);
            }
        }
        assertUnique(Arrays.stream(ErrorCode.values()).filter(ErrorCode::fatal).toArray(ErrorCode[]::new), ErrorCode::closeCode);
    }

    private static <T> void assertUnique(T[] values, Function<T, ?> key) {
        assertEquals(values.length, Arrays.stream(values).map(key).collect(Collectors.toSet()).size());
    }

    private JsonNode tree(ServerMessage message) throws Exception {
        return plain.readTree(codec.write(message));
    }
}
