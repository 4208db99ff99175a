package org.alcove.server.ice;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.signaling.protocol.ServerMessage.IceServer;
import org.alcove.signaling.protocol.ServerMessage.IceTransportPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IceServersTest {
    private static final Instant EXPIRY = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void without_settings_a_participant_gets_no_servers_and_every_transport() {
        IceServers ice = new IceServers(AlcoveConfig.Ice.NONE);
        assertEquals(List.of(), ice.serversFor("p_abc", EXPIRY));
        assertEquals(IceTransportPolicy.all, ice.transportPolicy());
    }

    @Test
    void stun_servers_come_without_credentials_and_turn_servers_with_the_participants_own() {
        IceServers ice = new IceServers(new AlcoveConfig.Ice(List.of("stun:stun.example.org"),
                List.of("turn:turn.example.org?transport=udp", "turns:turn.example.org:5349"), "s3cret", true));
        List<IceServer> servers = ice.serversFor("p_abc", EXPIRY);

        assertEquals(2, servers.size());
        assertEquals(List.of("stun:stun.example.org"), servers.get(0).urls());
        assertNull(servers.get(0).username());
        assertNull(servers.get(0).credential());
        assertEquals(List.of("turn:turn.example.org?transport=udp", "turns:turn.example.org:5349"), servers.get(1).urls());
        assertEquals("1700000000:p_abc", servers.get(1).username());
        assertEquals("Ct5vkXUitpsbmhC0NOY/szDaR5Y=", servers.get(1).credential());
        assertEquals(IceTransportPolicy.relay, ice.transportPolicy());
    }
}
