package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A room under test with a hand-moved clock, and readers for the effects it returns. */
final class Scene {
    static final Instant START = Instant.parse("2026-11-22T14:00:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(50));
    static final String SESSION = "s-1";

    final Room room;
    final Participant therapist = new Participant("t-1", Role.therapist, "Dr Ada Example");
    Instant now = START;

    Scene() {
        this(RoomPolicy.DEFAULT);
    }

    Scene(RoomPolicy policy) {
        this(policy, IceConfig.NONE);
    }

    Scene(RoomPolicy policy, IceConfig ice) {
        room = new Room(new Schedule(SESSION, START, END), policy, ice);
    }

    static Participant client(int n) {
        return new Participant("c-" + n, Role.client, "Client Number " + n);
    }

    List<Effect> join(Connection c, Participant who) {
        return room.join(c, who, null, now);
    }

    List<Effect> join(Connection c, Participant who, String resumeKey) {
        return room.join(c, who, resumeKey, now);
    }

    List<Effect> send(Connection c, ClientMessage message) {
        return room.handle(c, message, now);
    }

    List<Effect> drop(Connection c) {
        return room.disconnected(c, now);
    }

    List<Effect> advance(Duration by) {
        now = now.plus(by);
        return room.tick(now);
    }

    List<Effect> at(Instant when) {
        now = when;
        return room.tick(now);
    }

    /** Therapist on {@code t}, and each client joined on {@code c<n>} and admitted. */
    Conn therapistIn() {
        Conn t = new Conn("conn-t");
        join(t, therapist);
        return t;
    }

    Conn admitted(Conn therapistConn, Participant client) {
        Conn c = new Conn("conn-" + client.id());
        join(c, client);
        send(therapistConn, new ClientMessage.Admit(client.id()));
        return c;
    }

    static List<ServerMessage> to(List<Effect> effects, Connection c) {
        return effects.stream()
                .filter(e -> e instanceof Effect.Send s && s.to().equals(c))
                .map(e -> ((Effect.Send) e).message())
                .toList();
    }

    static <T extends ServerMessage> List<T> to(List<Effect> effects, Connection c, Class<T> type) {
        return to(effects, c).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends ServerMessage> T only(List<Effect> effects, Connection c, Class<T> type) {
        List<T> found = to(effects, c, type);
        assertEquals(1, found.size(), () -> "expected one " + type.getSimpleName() + " to " + c + " in " + effects);
        return found.get(0);
    }

    static Optional<CloseCode> closeOf(List<Effect> effects, Connection c) {
        return effects.stream()
                .filter(e -> e instanceof Effect.Close close && close.connection().equals(c))
                .map(e -> ((Effect.Close) e).code())
                .findFirst();
    }

    static List<ErrorCode> errorsTo(List<Effect> effects, Connection c) {
        return to(effects, c, ServerMessage.Error.class).stream().map(ServerMessage.Error::code).toList();
    }

    static List<RoomEvent> records(List<Effect> effects) {
        return effects.stream()
                .filter(e -> e instanceof Effect.Record)
                .map(e -> ((Effect.Record) e).event())
                .toList();
    }

    static List<RoomEvent.Type> events(List<Effect> effects) {
        return records(effects).stream().map(RoomEvent::type).toList();
    }

    /** Asserts {@code c} got exactly the error {@code code}, followed by its close when fatal. */
    static void assertRefused(List<Effect> effects, Connection c, ErrorCode code) {
        assertEquals(List.of(code), errorsTo(effects, c), () -> "errors to " + c + " in " + effects);
        assertEquals(Optional.ofNullable(code.closeCode()), closeOf(effects, c));
    }

    static String welcomeKey(List<Effect> effects, Connection c) {
        return only(effects, c, ServerMessage.Welcome.class).resumeKey();
    }
}
