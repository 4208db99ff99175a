package org.alcove.signaling.room;

import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * What the room asks its host to do after handling an input. The host applies them in
 * order: sends are queued on the named connection, closes close it after everything queued
 * before has been sent, and records are persisted (audit trail, participant and session state).
 */
public sealed interface Effect {

    record Send(Connection to, ServerMessage message) implements Effect {
    }

    record Close(Connection connection, CloseCode code) implements Effect {
    }

    record Record(RoomEvent event) implements Effect {
    }
}
