package org.alcove.server.e2e;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Binds one participant's signalling connection to its {@link JavaPeer}: a pump thread reads
 * every server message, hands roster, presence and negotiation to the peer, and keeps all of
 * them so the test can wait for the others (welcome, waiting list) and check what never came.
 * Outbound, it is the peer's {@link Signaller}: negotiation goes to the server with {@code to},
 * and the server stamps {@code from}.
 */
final class SignalingBridge implements Signaller, AutoCloseable {

    /** The next server message, or {@code null} if none arrived within {@code timeout}. */
    interface Inbound {
        ServerMessage next(Duration timeout) throws Exception;
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final String label;
    private final Consumer<ClientMessage> outbound;
    private final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile JavaPeer peer;
    private volatile boolean running;
    private Thread pump;

    SignalingBridge(String label, Consumer<ClientMessage> outbound) {
        this.label = label;
        this.outbound = outbound;
    }

    /** Starts pumping {@code inbound} into {@code peer}. */
    void start(Inbound inbound, JavaPeer peer) {
        this.peer = peer;
        running = true;
        pump = new Thread(() -> pump(inbound), label + "-signalling");
        pump.setDaemon(true);
        pump.start();
    }

    /** Every server message so far, in arrival order. */
    List<ServerMessage> received() {
        return List.copyOf(received);
    }

    /** Waits for the first received message of {@code type} matching {@code condition}. */
    <T extends ServerMessage> T await(Class<T> type, Predicate<T> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ServerMessage message : received) {
                if (type.isInstance(message) && condition.test(type.cast(message))) {
                    return type.cast(message);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(label + ": no " + type.getSimpleName() + " as expected within " + timeout
                        + "; received " + kinds() + (failures.isEmpty() ? "" : "; pump failed: " + failures));
            }
            Thread.sleep(20);
        }
    }

    <T extends ServerMessage> T await(Class<T> type, Duration timeout) throws InterruptedException {
        return await(type, message -> true, timeout);
    }

    /** Message types received so far, for failure messages (never SDP or candidates). */
    List<String> kinds() {
        return received.stream().map(message -> message.getClass().getSimpleName()).toList();
    }

    /**
     * Sends one message. The test (admit) and the peer's negotiation thread both send, and a
     * WebSocket session takes one write at a time, so every send goes through here.
     */
    synchronized void send(ClientMessage message) {
        outbound.accept(message);
    }

    @Override
    public void sendOffer(String to, String sdp) {
        send(new ClientMessage.Offer(to, sdp));
    }

    @Override
    public void sendAnswer(String to, String sdp) {
        send(new ClientMessage.Answer(to, sdp));
    }

    @Override
    public void sendCandidate(String to, String candidate, String sdpMid, int sdpMLineIndex) {
        send(new ClientMessage.Candidate(to, candidate, sdpMid, sdpMLineIndex));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (pump != null) {
            pump.join(POLL.multipliedBy(10).toMillis());
        }
    }

    private void pump(Inbound inbound) {
        while (running) {
            try {
                ServerMessage message = inbound.next(POLL);
                if (message != null) {
                    received.add(message);
                    dispatch(message);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures.add(e);
                return;
            }
        }
    }

    // Java 17 has no pattern switch over the sealed type; the messages that need no action
    // from the media side are only recorded.
    private void dispatch(ServerMessage message) {
        if (message instanceof ServerMessage.Roster roster) {
            peer.onIce(IceSettings.of(roster));
            roster.participants().forEach(p -> peer.onPeer(p.participantId(), p.polite()));
        } else if (message instanceof ServerMessage.PeerJoined joined) {
            peer.onPeer(joined.peer().participantId(), joined.peer().polite());
        } else if (message instanceof ServerMessage.PeerLeft left) {
            peer.onPeerLeft(left.participantId());
        } else if (message instanceof ServerMessage.Offer offer) {
            peer.onOffer(offer.from(), offer.sdp());
        } else if (message instanceof ServerMessage.Answer answer) {
            peer.onAnswer(answer.from(), answer.sdp());
        } else if (message instanceof ServerMessage.Candidate candidate) {
            peer.onCandidate(candidate.from(), candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex());
        } else if (message instanceof ServerMessage.IceRestart restart) {
            peer.restartIce(restart.from());
        }
    }
}
