package org.alcove.server.room;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.auth.JoinClaims;
import org.alcove.server.auth.JoinTokenException;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.ops.Metrics;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.server.store.StoredSeat;
import org.alcove.server.testing.MutableClock;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.room.Occupancy;
import org.alcove.signaling.room.Participant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The whole join through the seam the transport calls ({@link SocketEvents}), with the stored
 * state mocked and the socket a fake: what a socket is sent, whether it takes its seat, and what
 * a change stored while its token is checked does to the room it joins.
 */
class JoinsTest {
    private static final Instant START = Instant.parse("2026-05-01T14:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(50));
    private static final String TOKEN = "client-link";
    private static final ClientMessage.Auth AUTH = new ClientMessage.Auth(TOKEN, null);

    private final JoinTokens tokens = mock(JoinTokens.class);
    private final SessionStore sessions = mock(SessionStore.class);
    private final AlcoveConfig config = ConfigLoader.load(Map.of(), Map.of());
    private final LiveRooms live = new LiveRooms(config, tokens, sessions, mock(UserStore.class),
            mock(AuditLog.class), new MutableClock(START), new Metrics());
    private final SessionRecord scheduled = session(SessionStatus.SCHEDULED);
    private final JoinClaims claims = new JoinClaims("s1", "p1", Role.client, "jti-1", START.minusSeconds(900),
            END.plusSeconds(600));

    /** A socket as the rooms see it: records what it is sent, and may close at any moment. */
    private static final class FakeSocket implements RoomSocket {
        final String id;
        final List<ServerMessage> sent = new ArrayList<>();
        CloseCode closedWith;
        volatile boolean gone;

        FakeSocket(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void send(ServerMessage message) {
            sent.add(message);
        }

        @Override
        public void close(CloseCode code) {
            closedWith = code;
        }

        @Override
        public boolean seated(String sessionId, Participant who) {
            return !gone;
        }
    }

    @BeforeEach
    void stored() throws JoinTokenException {
        when(tokens.verify(TOKEN)).thenReturn(claims);
        when(sessions.findSeat("s1", "p1")).thenReturn(seat(scheduled, "jti-1", ParticipantStatus.ACTIVE));
    }

    @Test
    void a_socket_that_closes_while_its_token_is_checked_never_takes_a_seat() throws JoinTokenException {
        FakeSocket first = new FakeSocket("c1");
        when(tokens.verify(TOKEN)).thenAnswer(call -> {
            // The socket goes while its token is checked, and the transport says so at once.
            first.gone = true;
            live.closed(first);
            return claims;
        }).thenReturn(claims);

        live.authenticated(first, AUTH, "192.0.2.10");

        assertTrue(first.sent.isEmpty(), "a closed socket is sent nothing: " + first.sent);
        assertEquals(Optional.of(new Occupancy(0, 0, 0)), live.liveSessions().occupancy("s1"), "no seat is held");
        // Had the closed socket kept the client's seat, a second device would be refused seat-taken.
        FakeSocket second = new FakeSocket("c2");
        live.authenticated(second, AUTH, "192.0.2.10");
        assertInstanceOf(ServerMessage.Welcome.class, second.sent.get(0));
        assertNull(second.closedWith);
    }

    @Test
    void a_cancellation_stored_while_the_token_is_checked_ends_the_room_the_join_created() {
        when(sessions.findSeat("s1", "p1")).thenReturn(seat(scheduled, "jti-1", ParticipantStatus.ACTIVE),
                seat(session(SessionStatus.CANCELLED), "jti-1", ParticipantStatus.ACTIVE));
        FakeSocket socket = new FakeSocket("c1");

        live.authenticated(socket, AUTH, "192.0.2.10");

        assertInstanceOf(ServerMessage.Welcome.class, socket.sent.get(0));
        assertEquals(new ServerMessage.SessionEnded(EndReason.CANCELLED), socket.sent.get(socket.sent.size() - 1));
        assertEquals(CloseCode.SESSION_CANCELLED, socket.closedWith);
    }

    @Test
    void a_reissue_stored_while_the_token_is_checked_takes_the_seat_back() {
        when(sessions.findSeat("s1", "p1")).thenReturn(seat(scheduled, "jti-1", ParticipantStatus.ACTIVE),
                seat(scheduled, "jti-2", ParticipantStatus.ACTIVE));
        FakeSocket socket = new FakeSocket("c1");

        live.authenticated(socket, AUTH, "192.0.2.10");

        assertInstanceOf(ServerMessage.Welcome.class, socket.sent.get(0));
        assertEquals(ErrorCode.LINK_REISSUED, assertInstanceOf(ServerMessage.Error.class,
                socket.sent.get(socket.sent.size() - 1)).code());
        assertEquals(CloseCode.LINK_REISSUED, socket.closedWith);
        assertEquals(Optional.of(new Occupancy(0, 0, 0)), live.liveSessions().occupancy("s1"));
    }

    @Test
    void a_refused_link_is_told_why_and_closed_without_a_room() throws JoinTokenException {
        when(tokens.verify("forged")).thenThrow(new JoinTokenException(JoinTokenException.Kind.INVALID, null));
        FakeSocket socket = new FakeSocket("c1");

        live.authenticated(socket, new ClientMessage.Auth("forged", null), "192.0.2.10");

        assertEquals(List.of(new ServerMessage.Error(ErrorCode.AUTH_FAILED)), socket.sent);
        assertEquals(CloseCode.AUTH_FAILED, socket.closedWith);
        assertEquals(Optional.empty(), live.liveSessions().occupancy("s1"));
    }

    @Test
    void a_seated_socket_that_closes_leaves_its_seat_held_and_its_messages_stop_counting() {
        FakeSocket socket = new FakeSocket("c1");
        live.authenticated(socket, AUTH, "192.0.2.10");
        assertEquals(Optional.of(new Occupancy(1, 0, 0)), live.liveSessions().occupancy("s1"));

        live.closed(socket);
        live.message(socket, new ClientMessage.Ping());

        assertEquals(Optional.of(new Occupancy(1, 0, 1)), live.liveSessions().occupancy("s1"));
        assertEquals(1, socket.sent.size(), "only the welcome, no pong after the close: " + socket.sent);
    }

    private static SessionRecord session(SessionStatus status) {
        EndReason reason = status == SessionStatus.CANCELLED ? EndReason.CANCELLED : null;
        return new SessionRecord("s1", "t1", START, END, status, reason, null, START.minusSeconds(86400));
    }

    private static Optional<StoredSeat> seat(SessionRecord session, String tokenId, ParticipantStatus status) {
        return Optional.of(new StoredSeat(session, new ParticipantRecord("p1", "s1", Role.client, "Robin",
                "robin@example.org", null, tokenId, status)));
    }
}
