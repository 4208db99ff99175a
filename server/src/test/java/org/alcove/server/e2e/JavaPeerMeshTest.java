package org.alcove.server.e2e;

import dev.onvoid.webrtc.RTCSignalingState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness on its own: JavaPeers wired to each other in memory, no server. If this fails,
 * the end-to-end tests' failures say nothing about the server.
 */
class JavaPeerMeshTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, JavaPeer> peers = new ConcurrentHashMap<>();
    private final List<Held> held = new ArrayList<>();
    private volatile boolean holding;

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

    @Test
    void simultaneous_offers_are_settled_by_the_polite_side_rolling_back() throws Exception {
        join("alice"); // impolite towards bob: the smaller id
        join("bob");
        introduce("alice", "bob");
        assertPairWorks("alice", "bob");

        // Hold the wire so that both offers are out before either arrives: a guaranteed glare.
        holding = true;
        peers.get("alice").restartIce("bob");
        peers.get("bob").restartIce("alice");
        awaitUntil(() -> heldOffers() == 2, "both sides to send an offer");
        assertEquals(RTCSignalingState.HAVE_LOCAL_OFFER, peers.get("alice").signalingState("bob"));
        assertEquals(RTCSignalingState.HAVE_LOCAL_OFFER, peers.get("bob").signalingState("alice"));
        releaseHeld();

        awaitUntil(() -> peers.get("alice").signalingState("bob") == RTCSignalingState.STABLE
                && peers.get("bob").signalingState("alice") == RTCSignalingState.STABLE, "both sides to settle");
        assertPairWorks("alice", "bob");
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

    private int heldOffers() {
        synchronized (held) {
            return (int) held.stream().filter(Held::offer).count();
        }
    }

    private void releaseHeld() {
        synchronized (held) {
            holding = false;
            held.forEach(message -> message.delivery().run());
            held.clear();
        }
    }

    private void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder problems = new StringBuilder();
                peers.forEach((id, peer) -> problems.append(' ').append(id).append('=').append(peer.problems()));
                throw new AssertionError("timed out waiting for " + what + "; problems:" + problems);
            }
            Thread.sleep(20);
        }
    }

    private record Held(boolean offer, Runnable delivery) {
    }

    /** Delivers to the addressed peer, stamping the sender as the server would (or holds it). */
    private final class Loopback implements Signaller {
        private final String self;

        Loopback(String self) {
            this.self = self;
        }

        @Override
        public void sendOffer(String to, String sdp) {
            deliver(true, () -> peers.get(to).onOffer(self, sdp));
        }

        @Override
        public void sendAnswer(String to, String sdp) {
            deliver(false, () -> peers.get(to).onAnswer(self, sdp));
        }

        @Override
        public void sendCandidate(String to, String candidate, String sdpMid, int sdpMLineIndex) {
            deliver(false, () -> peers.get(to).onCandidate(self, candidate, sdpMid, sdpMLineIndex));
        }

        private void deliver(boolean offer, Runnable delivery) {
            synchronized (held) {
                if (holding) {
                    held.add(new Held(offer, delivery));
                    return;
                }
            }
            delivery.run();
        }
    }
}
