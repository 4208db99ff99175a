package org.alcove.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.signaling.protocol.ClientMessage;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenes a call goes through over real sockets, each ending in a known state so a test starts
 * from there: {@link #therapistIn} (therapist past welcome), {@link #waiting} (a client waiting and
 * the therapist told so), {@link #admitted(BookedSession, int)} (a client past roster) and
 * {@link #admittedAll} (every client of a booking past roster). Each scene takes only what it
 * names from the sockets' queues; what else the server sent (waiting lists, peer-joined) is left
 * for the test. A scene that fails closes the sockets it opened.
 */
public abstract class LiveScenes {
    /** How long a scene, and most tests, wait for one message. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    /** The scenes on a server a test started itself (one it restarts, or a fresh one per test). */
    public static LiveScenes on(TestServer server) {
        return new LiveScenes() {
            @Override
            public URI uri() {
                return server.uri();
            }

            @Override
            public SSLContext trust() {
                return server.trust();
            }
        };
    }

    /** Where the server is. */
    public abstract URI uri();

    /** What its sockets trust, or {@code null} for the JDK default (plain HTTP servers). */
    public abstract SSLContext trust();

    /** Connects and sends {@code auth} with {@code token}; the answer is left in the queue. */
    public SignalingClient join(String token) {
        return join(token, null);
    }

    /** As {@link #join(String)} with an earlier welcome's {@code resumeKey}. */
    public SignalingClient join(String token, String resumeKey) {
        return SignalingClient.join(uri(), token, resumeKey, trust());
    }

    /** The therapist of {@code booking}, joined and past its welcome. */
    public SignalingClient therapistIn(BookedSession booking) {
        SignalingClient therapist = join(booking.therapistToken());
        return closingOnFailure(therapist, () -> {
            therapist.nextOfType("welcome", WAIT);
            return therapist;
        });
    }

    /**
     * The therapist in, then client {@code client} joined, past its welcome (state waiting) and
     * shown in a waiting list the therapist received; the admit is the test's to send.
     */
    public Call waiting(BookedSession booking, int client) {
        SignalingClient therapist = join(booking.therapistToken());
        SignalingClient[] joined = new SignalingClient[1];
        return closingOnFailure(() -> closeAll(joined[0], therapist), () -> {
            JsonNode therapistWelcome = therapist.nextOfType("welcome", WAIT);
            joined[0] = join(booking.clientToken(client));
            JsonNode clientWelcome = joined[0].nextOfType("welcome", WAIT);
            awaitWaiting(therapist, booking.clientId(client));
            return new Call(booking, client, therapist, joined[0], therapistWelcome, clientWelcome);
        });
    }

    /** Client {@code client} of {@code booking} in the call with the therapist: the client is past its roster. */
    public Call admitted(BookedSession booking, int client) {
        Call call = waiting(booking, client);
        return closingOnFailure(call, () -> {
            call.therapist().send(new ClientMessage.Admit(booking.clientId(client)));
            call.client().nextOfType("roster", WAIT);
            return call;
        });
    }

    /** The therapist and every client of {@code booking} in one call, admitted in booking order, each past its roster. */
    public Group admittedAll(BookedSession booking) {
        Group group = new Group(therapistIn(booking), new ArrayList<>());
        return closingOnFailure(group, () -> {
            for (String token : booking.clientTokens()) {
                SignalingClient client = join(token);
                group.clients().add(client);
                client.nextOfType("welcome", WAIT);
            }
            for (int i = 0; i < group.clients().size(); i++) {
                group.therapist().send(new ClientMessage.Admit(booking.clientId(i)));
                group.clients().get(i).nextOfType("roster", WAIT);
            }
            return group;
        });
    }

    /** Waiting lists arrive whenever the list changes; takes them until one shows {@code clientId}. */
    public static void awaitWaiting(SignalingClient therapist, String clientId) {
        while (true) {
            JsonNode list = therapist.nextOfType("waiting-list", WAIT);
            for (JsonNode waiting : list.path("waiting")) {
                if (waiting.path("participantId").asText().equals(clientId)) {
                    return;
                }
            }
        }
    }

    /**
     * A therapist and one client of a booking, both connected; closing closes both.
     *
     * @param therapistWelcome the therapist's welcome (its {@code endsAt}, its seat)
     * @param clientWelcome    the client's welcome (its {@code resumeKey}, its state)
     */
    public record Call(BookedSession booking, int index, SignalingClient therapist, SignalingClient client,
                       JsonNode therapistWelcome, JsonNode clientWelcome) implements AutoCloseable {
        public String clientId() {
            return booking.clientId(index);
        }

        public String resumeKey() {
            return clientWelcome.path("resumeKey").asText();
        }

        @Override
        public void close() {
            closeAll(client, therapist);
        }
    }

    /** A therapist and several clients in one call, clients in booking order; closing closes all. */
    public record Group(SignalingClient therapist, List<SignalingClient> clients) implements AutoCloseable {
        public SignalingClient client(int index) {
            return clients.get(index);
        }

        @Override
        public void close() {
            List<SignalingClient> all = new ArrayList<>(clients);
            all.add(therapist);
            closeAll(all.toArray(SignalingClient[]::new));
        }
    }

    private interface Step<T> {
        T run();
    }

    /** Closes each socket given (nulls skipped), all of them even if one throws. */
    private static void closeAll(SignalingClient... sockets) {
        RuntimeException failed = null;
        for (SignalingClient socket : sockets) {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static <T> T closingOnFailure(AutoCloseable opened, Step<T> step) {
        try {
            return step.run();
        } catch (RuntimeException | Error e) {
            try {
                opened.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
