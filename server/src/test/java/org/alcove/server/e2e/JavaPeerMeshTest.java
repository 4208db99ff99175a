package org.alcove.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness on its own: JavaPeers wired to each other in memory, no server. If this fails,
 * the end-to-end tests' failures say nothing about the server.
 */
class JavaPeerMeshTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, JavaPeer> peers = new ConcurrentHashMap<>();

    @AfterEach
    void closePeers() {
        RuntimeException failure = null;
        for (JavaPeer peer : peers.values()) {
            try {
                peer.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    void two_peers_connect_and_exchange_data_channel_messages_both_ways() throws Exception {
        join("alice");
        join("bob");
        introduce("alice", "bob");

        assertPairWorks("alice", "bob");
    }

    @Test
    void three_peers_connect_in_a_full_mesh_with_messages_in_every_direction() throws Exception {
        List<String> ids = List.of("p1", "p2", "p3");
        ids.forEach(this::join);
        introduce("p1", "p2");
        introduce("p1", "p3");
        introduce("p2", "p3");

        for (String a : ids) {
            for (String b : ids) {
                if (a.compareTo(b) < 0) {
                    assertPairWorks(a, b);
                }
            }
        }
    }

    @Test
    void media_tracks_arrive_and_video_frames_flow() throws Exception {
        join("alice");
        join("bob");
        introduce("alice", "bob");

        peers.get("alice").awaitConnected("bob", CONNECT_TIMEOUT);
        peers.get("bob").awaitVideoFrom("alice", CONNECT_TIMEOUT);
        peers.get("alice").awaitVideoFrom("bob", CONNECT_TIMEOUT);
        assertEquals(Set.of("audio", "video"), peers.get("alice").remoteTrackKinds("bob"));
        assertEquals(Set.of("audio", "video"), peers.get("bob").remoteTrackKinds("alice"));
    }

    private void assertPairWorks(String a, String b) throws InterruptedException {
        JavaPeer peerA = peers.get(a);
        JavaPeer peerB = peers.get(b);
        peerA.awaitConnected(b, CONNECT_TIMEOUT);
        peerB.awaitConnected(a, CONNECT_TIMEOUT);

        peerA.sendText(b, "hello " + b + " from " + a);
        peerB.sendText(a, "hello " + a + " from " + b);

        assertEquals("hello " + b + " from " + a, peerB.received(a).poll(10, TimeUnit.SECONDS));
        assertEquals("hello " + a + " from " + b, peerA.received(b).poll(10, TimeUnit.SECONDS));
        assertTrue(peerA.problems().isEmpty(), () -> a + " problems: " + peerA.problems());
        assertTrue(peerB.problems().isEmpty(), () -> b + " problems: " + peerB.problems());
    }

    private void join(String id) {
        peers.put(id, new JavaPeer(id, new Loopback(id)));
    }

    /** Announces two peers to each other with the server's rule: the greater id is polite. */
    private void introduce(String a, String b) {
        peers.get(a).onPeer(b, a.compareTo(b) > 0);
        peers.get(b).onPeer(a, b.compareTo(a) > 0);
    }

    /** Delivers straight to the addressed peer, stamping the sender as the server would. */
    private final class Loopback implements Signaller {
        private final String self;

        Loopback(String self) {
            this.self = self;
        }

        @Override
        public void sendOffer(String to, String sdp) {
            peers.get(to).onOffer(self, sdp);
        }

        @Override
        public void sendAnswer(String to, String sdp) {
            peers.get(to).onAnswer(self, sdp);
        }

        @Override
        public void sendCandidate(String to, String candidate, String sdpMid, int sdpMLineIndex) {
            peers.get(to).onCandidate(self, candidate, sdpMid, sdpMLineIndex);
        }
    }
}
