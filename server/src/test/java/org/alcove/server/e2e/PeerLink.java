package org.alcove.server.e2e;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The peer connection from one participant to one other, negotiated with perfect negotiation
 * (the MDN pattern the browser client uses): the impolite side offers when the peer appears;
 * on an offer collision the impolite side ignores the incoming offer and the polite side
 * rolls back its own.
 *
 * <p>Threading: everything that touches negotiation state runs on the owning
 * {@link JavaPeer}'s single negotiation thread ({@code post}); webrtc's native callbacks only
 * post work there, because blocking on webrtc's own signalling thread would deadlock.
 */
final class PeerLink implements PeerConnectionObserver {
    private final String peerId;
    private final boolean polite;
    private final Signaller signaller;
    private final Consumer<Runnable> post;
    private final Consumer<String> problems;
    private final BlockingQueue<String> inbox;
    private final RTCPeerConnection pc;
    private final RTCDataChannel channel;

    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final CompletableFuture<Void> channelOpen = new CompletableFuture<>();
    final AtomicInteger videoFrames = new AtomicInteger();
    final Set<String> remoteTrackKinds = ConcurrentHashMap.newKeySet();
    private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;

    // Negotiation thread only.
    private boolean makingOffer;
    private boolean ignoreOffer;
    private boolean hasRemoteDescription;
    private boolean closed;
    private final List<RTCIceCandidate> earlyCandidates = new ArrayList<>();
    private final List<Runnable> teardown = new ArrayList<>();
    private final List<RTCRtpSender> senders = new ArrayList<>();

    /** Runs on the negotiation thread. */
    PeerLink(String peerId, boolean polite, IceSettings ice, LocalMedia media, Signaller signaller,
             Consumer<Runnable> post, Consumer<String> problems, BlockingQueue<String> inbox) {
        this.peerId = peerId;
        this.polite = polite;
        this.signaller = signaller;
        this.post = post;
        this.problems = problems;
        this.inbox = inbox;

        // As the browser client does: the ICE servers and transport policy of the latest roster.
        RTCConfiguration config = ice.configuration();
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        pc = media.factory().createPeerConnection(config, this);
        senders.add(pc.addTrack(media.audio(), List.of("local")));
        senders.add(pc.addTrack(media.video(), List.of("local")));
        // Negotiated with a fixed id on both sides: one shared channel per pair, whoever offers.
        RTCDataChannelInit init = new RTCDataChannelInit();
        init.negotiated = true;
        init.id = 0;
        channel = pc.createDataChannel("chat", init);
        channel.registerObserver(new ChannelObserver());
    }

    RTCPeerConnectionState state() {
        return state;
    }

    RTCSignalingState signalingState() {
        return pc.getSignalingState();
    }

    /**
     * The candidate types ({@code host}, {@code srflx}, {@code prflx}, {@code relay}) of the
     * selected candidate pair, local first, e.g. {@code relay/relay}; {@code none} before one exists.
     */
    CompletableFuture<String> selectedPairTypes() {
        CompletableFuture<String> types = new CompletableFuture<>();
        pc.getStats(report -> {
            try {
                types.complete(SelectedPair.types(report));
            } catch (RuntimeException e) {
                types.completeExceptionally(e);
            }
        });
        return types;
    }

    /** Negotiation thread: asks for new ICE credentials, which makes webrtc ask for an offer. */
    void restartIce() {
        if (!closed) {
            pc.restartIce();
        }
    }

    // ---- perfect negotiation (negotiation thread) ----

    private void negotiate() {
        if (closed || (polite && !hasRemoteDescription)) {
            return; // the impolite side makes the first offer
        }
        if (pc.getSignalingState() != RTCSignalingState.STABLE) {
            return; // webrtc raises negotiation-needed again once back in stable
        }
        try {
            makingOffer = true;
            RTCSessionDescription offer = Descriptions.createOffer(pc);
            Descriptions.setLocal(pc, offer);
            signaller.sendOffer(peerId, offer.sdp);
        } catch (Descriptions.NegotiationException e) {
            problem("offer", e);
        } finally {
            makingOffer = false;
        }
    }

    void onDescription(RTCSdpType type, String sdp) {
        if (closed) {
            return;
        }
        boolean isOffer = type == RTCSdpType.OFFER;
        boolean collision = isOffer && (makingOffer || pc.getSignalingState() != RTCSignalingState.STABLE);
        ignoreOffer = !polite && collision;
        if (ignoreOffer) {
            return;
        }
        try {
            if (collision) {
                Descriptions.rollback(pc);
            }
            Descriptions.setRemote(pc, new RTCSessionDescription(type, sdp));
            hasRemoteDescription = true;
            earlyCandidates.forEach(pc::addIceCandidate);
            earlyCandidates.clear();
            if (isOffer) {
                RTCSessionDescription answer = Descriptions.createAnswer(pc);
                Descriptions.setLocal(pc, answer);
                signaller.sendAnswer(peerId, answer.sdp);
            }
        } catch (Descriptions.NegotiationException e) {
            problem(type.name().toLowerCase(), e);
        }
    }

    void onRemoteCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
        if (closed || candidate == null || candidate.isEmpty()) {
            return; // an empty candidate only marks the end of gathering
        }
        RTCIceCandidate ice = new RTCIceCandidate(sdpMid, sdpMLineIndex == null ? 0 : sdpMLineIndex, candidate);
        if (hasRemoteDescription) {
            // webrtc-java drops the result of AddIceCandidate; a candidate of an ignored
            // offer fails silently, which is what perfect negotiation wants anyway.
            pc.addIceCandidate(ice);
        } else {
            earlyCandidates.add(ice);
        }
    }

    void sendText(String text) throws Exception {
        channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), false));
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        teardown.forEach(Runnable::run);
        channel.unregisterObserver();
        channel.close();
        channel.dispose();
        // webrtc-java's close() drops the Java handle but its senders would keep our shared
        // local tracks referenced, and the tracks' dispose() then fails; detach them first.
        senders.forEach(pc::removeTrack);
        pc.close();
    }

    private void problem(String step, Exception e) {
        problems.accept("to " + peerId + ": " + step + ": " + e.getMessage());
    }

    private void attachVideoCounter(RTCRtpTransceiver transceiver) {
        if (closed) {
            return;
        }
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        remoteTrackKinds.add(track.getKind());
        if (track instanceof VideoTrack video) {
            // Count only: the frame belongs to webrtc-java's callback and is not retained.
            VideoTrackSink sink = frame -> videoFrames.incrementAndGet();
            video.addSink(sink);
            teardown.add(() -> video.removeSink(sink));
        }
    }

    // ---- native callbacks (webrtc's signalling thread): record or post, never block ----

    @Override
    public void onRenegotiationNeeded() {
        post.accept(this::negotiate);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        post.accept(() -> {
            if (!closed) {
                signaller.sendCandidate(peerId, candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex);
            }
        });
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState newState) {
        state = newState;
        if (newState == RTCPeerConnectionState.CONNECTED) {
            connected.complete(null);
        } else if (newState == RTCPeerConnectionState.FAILED) {
            problems.accept("to " + peerId + ": connection FAILED");
        }
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        post.accept(() -> attachVideoCounter(transceiver));
    }

    private final class ChannelObserver implements RTCDataChannelObserver {
        @Override
        public void onBufferedAmountChange(long previousAmount) {
        }

        @Override
        public void onStateChange() {
            if (channel.getState() == RTCDataChannelState.OPEN) {
                channelOpen.complete(null);
            }
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            ByteBuffer data = buffer.data;
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            inbox.add(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
