package org.alcove.server.e2e;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking forms of webrtc-java's callback-style description calls. webrtc-java 0.14 has no
 * argument-less {@code setLocalDescription()}, so offers and answers are created explicitly.
 * Only call these off webrtc's own signalling thread (the observers complete on it).
 */
final class Descriptions {
    private static final long TIMEOUT_SECONDS = 10;

    private Descriptions() {
    }

    static RTCSessionDescription createOffer(RTCPeerConnection pc) throws NegotiationException {
        CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), created(done));
        return await(done, "createOffer");
    }

    static RTCSessionDescription createAnswer(RTCPeerConnection pc) throws NegotiationException {
        CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), created(done));
        return await(done, "createAnswer");
    }

    static void setLocal(RTCPeerConnection pc, RTCSessionDescription description) throws NegotiationException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pc.setLocalDescription(description, set(done));
        await(done, "setLocalDescription(" + description.sdpType + ")");
    }

    static void setRemote(RTCPeerConnection pc, RTCSessionDescription description) throws NegotiationException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pc.setRemoteDescription(description, set(done));
        await(done, "setRemoteDescription(" + description.sdpType + ")");
    }

    /** Drops our pending local offer so that the remote one can be applied (polite side of a glare). */
    static void rollback(RTCPeerConnection pc) throws NegotiationException {
        setLocal(pc, new RTCSessionDescription(RTCSdpType.ROLLBACK, ""));
    }

    private static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> done) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                done.complete(description);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new NegotiationException(error));
            }
        };
    }

    private static SetSessionDescriptionObserver set(CompletableFuture<Void> done) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new NegotiationException(error));
            }
        };
    }

    private static <T> T await(CompletableFuture<T> done, String what) throws NegotiationException {
        try {
            return done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new NegotiationException(what + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new NegotiationException(what + " did not complete in " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NegotiationException(what + " interrupted");
        }
    }

    /** A negotiation step failed; the message names the step, never the SDP. */
    static final class NegotiationException extends Exception {
        private static final long serialVersionUID = 1L;

        NegotiationException(String message) {
            super(message);
        }
    }
}
