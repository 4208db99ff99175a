package org.alcove.signaling.room;

import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the effects of one room input, in the order the host must apply them. */
final class Outbox {
    private final List<Effect> effects = new ArrayList<>();
    private final String sessionId;
    private final Instant now;

    Outbox(String sessionId, Instant now) {
        this.sessionId = sessionId;
        this.now = now;
    }

    void send(Connection to, ServerMessage message) {
        effects.add(new Effect.Send(to, message));
    }

    /** Sends the error; a fatal code is followed by its close. */
    void error(Connection to, ErrorCode code) {
        send(to, new ServerMessage.Error(code));
        if (code.fatal()) {
            close(to, code.closeCode());
        }
    }

    void close(Connection connection, CloseCode code) {
        effects.add(new Effect.Close(connection, code));
    }

    void record(RoomEvent.Type type, Participant who) {
        effects.add(new Effect.Record(RoomEvent.of(now, sessionId, type, who)));
    }

    void record(RoomEvent event) {
        effects.add(new Effect.Record(event));
    }

    Instant now() {
        return now;
    }

    List<Effect> effects() {
        return List.copyOf(effects);
    }
}
