package org.alcove.server.e2e;

import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import org.alcove.signaling.protocol.ServerMessage;

import java.util.ArrayList;
import java.util.List;

/** The ICE part of a {@code roster}, turned into webrtc-java's configuration as peer.js does. */
record IceSettings(List<ServerMessage.IceServer> servers, ServerMessage.IceTransportPolicy policy) {
    /** No servers, every transport: host candidates only (the harness test, a server without ICE settings). */
    static final IceSettings NONE = new IceSettings(List.of(), ServerMessage.IceTransportPolicy.all);

    static IceSettings of(ServerMessage.Roster roster) {
        return new IceSettings(roster.iceServers(), roster.iceTransportPolicy());
    }

    RTCConfiguration configuration() {
        RTCConfiguration config = new RTCConfiguration();
        List<RTCIceServer> iceServers = new ArrayList<>();
        for (ServerMessage.IceServer server : servers) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = new ArrayList<>(server.urls());
            if (server.username() != null) {
                ice.username = server.username();
                ice.password = server.credential();
            }
            iceServers.add(ice);
        }
        config.iceServers = iceServers;
        config.iceTransportPolicy = switch (policy) {
            case all -> RTCIceTransportPolicy.ALL;
            case relay -> RTCIceTransportPolicy.RELAY;
        };
        return config;
    }
}
