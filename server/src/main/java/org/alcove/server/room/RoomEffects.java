package org.alcove.server.room;

import org.alcove.server.ops.Metrics;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.room.Connection;
import org.alcove.signaling.room.Effect;
import org.alcove.signaling.room.RoomEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries out what a room asked for, in its order, while the caller holds that room's lock:
 * sends and closes go to the sockets the effects name, records are handed back for the
 * {@link RoomRecorder}. Counts relayed negotiation and the room's refusals for metrics.
 */
final class RoomEffects {
    private static final Logger LOG = LoggerFactory.getLogger(RoomEffects.class);

    private final Metrics metrics;

    RoomEffects(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Queues sends and closes in order; returns the records to persist. */
    List<RoomEvent> apply(List<Effect> effects) {
        List<RoomEvent> events = new ArrayList<>();
        for (Effect effect : effects) {
            // Java 17 has no pattern switch over the sealed type: a new kind of effect fails loudly here.
            if (effect instanceof Effect.Send send) {
                socket(send.to()).send(send.message());
                count(send.message());
            } else if (effect instanceof Effect.Close close) {
                close(socket(close.connection()), close.code());
            } else if (effect instanceof Effect.Record record) {
                events.add(record.event());
            } else {
                throw new IllegalStateException("no handling for effect " + effect.getClass().getSimpleName());
            }
        }
        return events;
    }

    /** Counts the room's refusals of {@code message} (errors sent back to its sender); returns {@code effects}. */
    List<Effect> counted(RoomSocket sender, ClientMessage message, List<Effect> effects) {
        for (Effect effect : effects) {
            if (effect instanceof Effect.Send send && send.to() == sender
                    && send.message() instanceof ServerMessage.Error error) {
                metrics.rejected(message, error.code());
            }
        }
        return effects;
    }

    private static void close(RoomSocket socket, CloseCode code) {
        if (code == CloseCode.NORMAL) {
            // The client's own leave: the "closed: 1000" line that follows says as much.
            LOG.debug("connection {} closing: {}", socket.id(), code.reason());
        } else {
            LOG.info("connection {} closing: {}", socket.id(), code.reason());
        }
        socket.close(code);
    }

    private void count(ServerMessage message) {
        if (message instanceof ServerMessage.Offer || message instanceof ServerMessage.Answer
                || message instanceof ServerMessage.Candidate || message instanceof ServerMessage.IceRestart) {
            metrics.relayed(message);
        }
    }

    /** Rooms are only ever handed {@link RoomSocket}s ({@link Rooms#seat}), so a room names nothing else. */
    private static RoomSocket socket(Connection connection) {
        if (connection instanceof RoomSocket socket) {
            return socket;
        }
        throw new IllegalStateException("a room named a connection it was not given: "
                + connection.getClass().getSimpleName());
    }
}
