package org.alcove.signaling.room;

import org.alcove.signaling.protocol.Role;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an admin may know about a live room: ids, roles, states, counts and timestamps. Built
 * from the seats, never from anything a participant sent for others: it has no field that could
 * hold SDP, ICE candidates, chat or names, so nothing of the kind can reach the admin view.
 *
 * @param openedAt when the first seat in this room was taken
 * @param seats    every seat, therapist first, then in the order they were taken
 */
public record RoomSnapshot(String sessionId, Instant startsAt, Instant endsAt, Instant openedAt, List<SeatView> seats) {

    public RoomSnapshot {
        Objects.requireNonNull(sessionId, "sessionId");
        seats = List.copyOf(seats);
    }

    /** Where a seat stands: waiting to be admitted, or in the call. */
    public enum Place {
        waiting, admitted
    }

    /** Whether the seat has a live connection, or is held after a drop. */
    public enum Link {
        connected, reconnecting
    }

    /**
     * One seat.
     *
     * @param since      when the seat was taken (for a waiting client: waiting since)
     * @param droppedAt  when its connection dropped, while {@link Link#reconnecting}; else {@code null}
     * @param reconnects resumes and takeovers of this seat so far
     * @param quality    the latest report the seat's client sent about each peer
     */
    public record SeatView(String participantId, Role role, Place place, Link link, Instant since,
                           Instant droppedAt, int reconnects, List<Quality> quality) {
        public SeatView {
            quality = List.copyOf(quality);
        }
    }

    /** A client's own measurement of its connection to {@code peerId}. */
    public record Quality(String peerId, int rttMs, double lossPercent, boolean relayed, Instant reportedAt) {
    }
}
