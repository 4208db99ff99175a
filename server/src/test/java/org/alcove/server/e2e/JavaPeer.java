package org.alcove.server.e2e;

import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSignalingState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One participant of a full-mesh call, as a native webrtc-java client: one peer connection
 * per other participant, each with the participant's audio and video tracks and one data
 * channel. Signalling comes in through the {@code on*} methods (in the order the server sent
 * it) and goes out through the {@link Signaller}. Close it, or native resources outlive the test.
 */
final class JavaPeer implements AutoCloseable {
    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(15);

    private final String label;
    private final Signaller signaller;
    private final LocalMedia media;
    private final ExecutorService negotiation;
    private final Map<String, CompletableFuture<PeerLink>> links = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<String>> inboxes = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    /** From the latest roster; negotiation thread only. */
    private IceSettings ice = IceSettings.NONE;
    /** Messages from a peer not yet announced by the server; negotiation thread only. */
    private final Map<String, List<Consumer<PeerLink>>> early = new HashMap<>();

    /** {@code label} names threads and failure messages; it is not sent anywhere. */
    JavaPeer(String label, Signaller signaller) {
        this.label = label;
        this.signaller = signaller;
        this.media = new LocalMedia(label);
        this.negotiation = Executors.newSingleThreadExecutor(r -> new Thread(r, label + "-negotiation"));
    }

    // ---- inbound signalling ----

    /** The ICE servers and policy of a roster: connections opened from now on use them. */
    void onIce(IceSettings settings) {
        post(() -> ice = settings);
    }

    /** The server announced {@code peerId} (roster or peer-joined); {@code polite} is our side's role. */
    void onPeer(String peerId, boolean polite) {
        post(() -> {
            CompletableFuture<PeerLink> slot = slot(peerId);
            if (slot.isDone()) {
                return;
            }
            PeerLink link = new PeerLink(peerId, polite, ice, media, signaller, this::post, problems::add, received(peerId));
            slot.complete(link);
            List<Consumer<PeerLink>> waiting = early.remove(peerId);
            if (waiting != null) {
                waiting.forEach(action -> action.accept(link));
            }
        });
    }

    void onOffer(String from, String sdp) {
        withLink(from, link -> link.onDescription(RTCSdpType.OFFER, sdp));
    }

    void onAnswer(String from, String sdp) {
        withLink(from, link -> link.onDescription(RTCSdpType.ANSWER, sdp));
    }

    void onCandidate(String from, String candidate, String sdpMid, Integer sdpMLineIndex) {
        withLink(from, link -> link.onRemoteCandidate(candidate, sdpMid, sdpMLineIndex));
    }

    /** The peer left for good: its connection is closed and a later {@link #onPeer} starts afresh. */
    void onPeerLeft(String peerId) {
        post(() -> {
            CompletableFuture<PeerLink> slot = links.remove(peerId);
            if (slot != null && slot.isDone()) {
                slot.join().close();
            }
            early.remove(peerId);
        });
    }

    /** Restarts ICE towards {@code peerId}: a renegotiation started by this side, whatever its politeness. */
    void restartIce(String peerId) {
        withLink(peerId, PeerLink::restartIce);
    }

    // ---- what a test checks ----

    /** Current signalling state towards an announced peer (STABLE once negotiation settled). */
    RTCSignalingState signalingState(String peerId) {
        return link(peerId).signalingState();
    }

    /** Waits until the connection to {@code peerId} is CONNECTED; fails with its state and any negotiation problems. */
    void awaitConnected(String peerId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        PeerLink link = awaitLink(peerId, deadline, timeout);
        try {
            link.connected.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(describe(peerId) + " not CONNECTED within " + timeout
                    + " (state " + link.state() + "); problems: " + problems);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(describe(peerId) + " interrupted", e);
        }
    }

    /** Sends one text message on the data channel to {@code peerId}, waiting for the channel to open. */
    void sendText(String peerId, String text) {
        long deadline = System.nanoTime() + CHANNEL_OPEN_TIMEOUT.toNanos();
        PeerLink link = awaitLink(peerId, deadline, CHANNEL_OPEN_TIMEOUT);
        try {
            link.channelOpen.get(remaining(deadline), TimeUnit.NANOSECONDS);
            link.sendText(text);
        } catch (TimeoutException e) {
            throw new AssertionError(describe(peerId) + ": data channel not open within "
                    + CHANNEL_OPEN_TIMEOUT + "; problems: " + problems);
        } catch (Exception e) {
            throw new AssertionError(describe(peerId) + ": data channel send failed", e);
        }
    }

    /** The candidate types of the selected pair towards {@code peerId}, local first: {@code relay/relay}. */
    String selectedPairTypes(String peerId) {
        try {
            return link(peerId).selectedPairTypes().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError(describe(peerId) + ": no stats", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(describe(peerId) + " interrupted", e);
        }
    }

    /** Texts received on the data channel from {@code peerId}, in arrival order. */
    BlockingQueue<String> received(String peerId) {
        return inboxes.computeIfAbsent(peerId, id -> new LinkedBlockingQueue<>());
    }

    /** Waits until at least one decoded video frame arrived from {@code peerId}. */
    void awaitVideoFrom(String peerId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PeerLink link = awaitLink(peerId, deadline, timeout);
        while (link.videoFrames.get() == 0) {
            if (remaining(deadline) <= 0) {
                throw new AssertionError(describe(peerId) + ": no video frame within " + timeout
                        + " (remote tracks " + link.remoteTrackKinds + "); problems: " + problems);
            }
            Thread.sleep(20);
        }
    }

    /** Kinds of the remote tracks ("audio", "video") received from {@code peerId} so far. */
    Set<String> remoteTrackKinds(String peerId) {
        return Set.copyOf(link(peerId).remoteTrackKinds);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Closes every connection, then the tracks, factory and audio module. */
    @Override
    public void close() {
        try {
            negotiation.submit(() -> {
                for (CompletableFuture<PeerLink> slot : links.values()) {
                    if (slot.isDone()) {
                        slot.join().close();
                    }
                }
            }).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            problems.add("close: " + e);
        }
        negotiation.shutdownNow();
        try {
            negotiation.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        media.close();
    }

    // ---- plumbing ----

    private void post(Runnable task) {
        try {
            negotiation.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    problems.add(e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: late native callbacks have nothing left to act on.
        }
    }

    private void withLink(String peerId, Consumer<PeerLink> action) {
        post(() -> {
            CompletableFuture<PeerLink> slot = links.get(peerId);
            if (slot != null && slot.isDone()) {
                action.accept(slot.join());
            } else {
                early.computeIfAbsent(peerId, id -> new ArrayList<>()).add(action);
            }
        });
    }

    private CompletableFuture<PeerLink> slot(String peerId) {
        return links.computeIfAbsent(peerId, id -> new CompletableFuture<>());
    }

    private PeerLink link(String peerId) {
        CompletableFuture<PeerLink> slot = links.get(peerId);
        if (slot == null || !slot.isDone()) {
            throw new AssertionError(describe(peerId) + ": peer not announced");
        }
        return slot.join();
    }

    private PeerLink awaitLink(String peerId, long deadline, Duration timeout) {
        try {
            return slot(peerId).get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(describe(peerId) + ": peer never announced within " + timeout);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(describe(peerId) + " interrupted", e);
        }
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private String describe(String peerId) {
        return label + " -> " + peerId;
    }
}
