package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ServerMessage;

import java.time.Instant;
import java.util.List;

/**
 * The ICE servers and transport policy a participant's peer connections use, sent in its
 * {@code roster} when it enters the call. The host implements it: TURN credentials are
 * computed there (the room does no cryptography), once per participant and roster.
 */
public interface IceConfig {

    /** No servers and every transport: host candidates only, enough on one network. */
    IceConfig NONE = new IceConfig() {
        @Override
        public List<ServerMessage.IceServer> serversFor(String participantId, Instant expiresAt) {
            return List.of();
        }

        @Override
        public ServerMessage.IceTransportPolicy transportPolicy() {
            return ServerMessage.IceTransportPolicy.all;
        }
    };

    /**
     * The servers for {@code participantId}; any credentials in them must stop working at
     * {@code expiresAt}, the latest moment the session can still be running.
     */
    List<ServerMessage.IceServer> serversFor(String participantId, Instant expiresAt);

    ServerMessage.IceTransportPolicy transportPolicy();
}
