package org.alcove.server.ice;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.signaling.protocol.ServerMessage.IceServer;
import org.alcove.signaling.protocol.ServerMessage.IceTransportPolicy;
import org.alcove.signaling.room.IceConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ICE configuration from {@code ice.*} settings: the STUN servers as they are, the TURN
 * servers with a credential of the participant's own, and {@code relay} when
 * {@code ice.relay-only} is set.
 */
public final class IceServers implements IceConfig {
    private final AlcoveConfig.Ice config;
    private final TurnCredentials turn;

    public IceServers(AlcoveConfig.Ice config) {
        this.config = config;
        this.turn = config.turnSecret() == null ? null : new TurnCredentials(config.turnSecret());
    }

    @Override
    public List<IceServer> serversFor(String participantId, Instant expiresAt) {
        List<IceServer> servers = new ArrayList<>(2);
        if (!config.stunUrls().isEmpty()) {
            servers.add(new IceServer(config.stunUrls(), null, null));
        }
        if (turn != null && !config.turnUrls().isEmpty()) {
            TurnCredentials.Credential credential = turn.issue(participantId, expiresAt);
            servers.add(new IceServer(config.turnUrls(), credential.username(), credential.password()));
        }
        return servers;
    }

    @Override
    public IceTransportPolicy transportPolicy() {
        return config.relayOnly() ? IceTransportPolicy.relay : IceTransportPolicy.all;
    }
}
