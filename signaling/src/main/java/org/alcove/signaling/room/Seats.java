package org.alcove.signaling.room;

import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seats of one room, found by participant id or by live connection, and the views of
 * them that participants receive (roster, waiting list, politeness). Every {@code roster}
 * carries the receiver's own ICE servers and transport policy from the {@link IceConfig}; a
 * waiting client gets none (it gets no roster).
 */
final class Seats {
    private final Map<String, Seat> byId = new LinkedHashMap<>();
    private final Map<Connection, Seat> byConnection = new HashMap<>();
    private final IceConfig ice;
    /** When ICE credentials in a roster stop working: the latest end the session can reach. */
    private final Instant iceExpiresAt;

    Seats(IceConfig ice, Instant iceExpiresAt) {
        this.ice = ice;
        this.iceExpiresAt = iceExpiresAt;
    }

    Seat byId(String participantId) {
        return byId.get(participantId);
    }

    Seat byConnection(Connection connection) {
        return byConnection.get(connection);
    }

    Seat take(Participant who, Connection connection, Instant now) {
        Seat seat = new Seat(who, ResumeKeys.next(), now);
        byId.put(who.id(), seat);
        attach(seat, connection);
        return seat;
    }

    /** Gives the seat a new live connection; the old one, if any, no longer belongs to the room. */
    void attach(Seat seat, Connection connection) {
        if (seat.connection != null) {
            byConnection.remove(seat.connection);
        }
        seat.connection = connection;
        seat.droppedAt = null;
        byConnection.put(connection, seat);
    }

    void hold(Seat seat, Instant now) {
        byConnection.remove(seat.connection);
        seat.connection = null;
        seat.droppedAt = now;
    }

    void release(Seat seat) {
        if (seat.connection != null) {
            byConnection.remove(seat.connection);
        }
        byId.remove(seat.id());
    }

    void clear() {
        byId.clear();
        byConnection.clear();
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    int clients() {
        return (int) byId.values().stream().filter(seat -> !seat.therapist()).count();
    }

    /** A copy, so callers may release seats while walking it. */
    List<Seat> all() {
        return new ArrayList<>(byId.values());
    }

    Collection<Connection> liveConnections() {
        return new ArrayList<>(byConnection.keySet());
    }

    /** Live, admitted seats other than {@code except}: the ones that hear about presence in the call. */
    List<Seat> inCallExcept(Seat except) {
        return byId.values().stream()
                .filter(seat -> seat != except && seat.admitted && seat.live())
                .toList();
    }

    /** Live therapist seats: the ones that see the waiting list. */
    List<Seat> liveTherapists() {
        return byId.values().stream().filter(seat -> seat.therapist() && seat.live()).toList();
    }

    /** Everyone else in the call, and the receiver's own ICE configuration (only admitted seats get one). */
    ServerMessage.Roster rosterFor(Seat receiver) {
        return new ServerMessage.Roster(byId.values().stream()
                .filter(seat -> seat != receiver && seat.admitted)
                .map(seat -> peer(receiver, seat))
                .toList(),
                ice.serversFor(receiver.id(), iceExpiresAt), ice.transportPolicy());
    }

    ServerMessage.WaitingList waitingList() {
        return new ServerMessage.WaitingList(byId.values().stream()
                .filter(seat -> !seat.admitted)
                .map(seat -> new ServerMessage.Waiting(seat.id(), seat.who.name(), seat.since))
                .toList());
    }

    /** {@code peer} as {@code receiver} sees it. */
    static ServerMessage.Peer peer(Seat receiver, Seat peer) {
        return new ServerMessage.Peer(peer.id(), peer.who.role(), peer.who.name(),
                polite(receiver.who, peer.who), !peer.live());
    }

    /**
     * Whether {@code self} is the polite side towards {@code other}. The therapist is impolite
     * so its offers win glare against clients; between equals the greater id yields. Both
     * sides compute the same answer, so exactly one side of every pair is polite.
     */
    static boolean polite(Participant self, Participant other) {
        if (self.role() != other.role()) {
            return self.role() == Role.client;
        }
        return self.id().compareTo(other.id()) > 0;
    }
}
