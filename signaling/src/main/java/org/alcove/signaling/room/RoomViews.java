package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The read views of a room for people outside the call: seat counts for dashboards and the
 * admin's {@link RoomSnapshot}, with the quality reports it shows. Nothing here is sent to a
 * participant; names and ids never leave through {@link Occupancy}.
 */
final class RoomViews {
    private final Seats seats;
    private final SessionClock clock;
    /** When the first seat was taken, for the admin view's "open since". */
    private Instant openedAt;

    RoomViews(Seats seats, SessionClock clock) {
        this.seats = seats;
        this.clock = clock;
    }

    /** A join got past the room's refusals; the first one opens the room. */
    void joined(Instant now) {
        if (openedAt == null) {
            openedAt = now;
        }
    }

    /**
     * Keeps an admitted sender's report about another admitted seat (the latest per peer) and
     * tells nobody; from a waiting client {@code not-allowed}, about anyone else
     * {@code unknown-participant}.
     */
    void quality(Seat seat, ClientMessage.Quality report, Outbox out) {
        if (!seat.admitted) {
            out.error(seat.connection, ErrorCode.NOT_ALLOWED);
            return;
        }
        Seat peer = seats.byId(report.peerId());
        if (peer == null || peer == seat || !peer.admitted) {
            out.error(seat.connection, ErrorCode.UNKNOWN_PARTICIPANT);
            return;
        }
        // Bounded: at most one entry per other seat, so a client cannot grow the map.
        seat.quality.put(peer.id(), new RoomSnapshot.Quality(peer.id(), report.rttMs(), report.lossPercent(),
                report.relayed(), out.now()));
    }

    Occupancy occupancy() {
        int waiting = 0;
        int inCall = 0;
        int reconnecting = 0;
        for (Seat seat : seats.all()) {
            if (seat.admitted) {
                inCall++;
            } else {
                waiting++;
            }
            if (!seat.live()) {
                reconnecting++;
            }
        }
        return new Occupancy(waiting, inCall, reconnecting);
    }

    RoomSnapshot snapshot() {
        List<RoomSnapshot.SeatView> views = new ArrayList<>();
        for (Seat seat : seats.all()) {
            views.add(new RoomSnapshot.SeatView(seat.id(), seat.who.role(),
                    seat.admitted ? RoomSnapshot.Place.admitted : RoomSnapshot.Place.waiting,
                    seat.live() ? RoomSnapshot.Link.connected : RoomSnapshot.Link.reconnecting,
                    seat.since, seat.droppedAt, seat.reconnects, List.copyOf(seat.quality.values())));
        }
        views.sort(Comparator.comparing((RoomSnapshot.SeatView v) -> v.role() != Role.therapist));
        return new RoomSnapshot(clock.schedule().sessionId(), clock.startsAt(), clock.endsAt(), openedAt, views);
    }
}
