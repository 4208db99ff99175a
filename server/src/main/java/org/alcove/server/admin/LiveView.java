package org.alcove.server.admin;

import org.alcove.signaling.room.RoomSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One event of the admin live view, and the body of {@code GET /api/admin/sessions/active}.
 * Every field comes from a {@link RoomSnapshot} plus the therapist's account name: staff names
 * are the only names here.
 */
public record LiveView(Instant at, List<SessionLive> sessions) {

    /**
     * @param state           {@code in-call} when anyone is in the call, else {@code waiting}
     * @param durationSeconds since {@code openedAt}, the first join
     * @param inCall          participants in the call (held seats included) by role
     */
    public record SessionLive(String sessionId, String state, String therapistId, String therapistName,
                              Instant startsAt, Instant endsAt, Instant openedAt, long durationSeconds,
                              Counts inCall, List<Waiting> waiting, List<ParticipantLive> participants) {
    }

    public record Counts(int therapist, int client) {
    }

    public record Waiting(String participantId, Instant since, long waitingSeconds) {
    }

    /**
     * @param state {@code connected} (in the call), {@code waiting} (connected, not yet admitted)
     *              or {@code reconnecting} (seat held after a drop, admitted or not)
     */
    public record ParticipantLive(String participantId, String role, String state, boolean admitted, Instant since,
                                  Instant droppedAt, int reconnects, List<RoomSnapshot.Quality> quality) {
    }

    /** Who the therapist of a session is: id and account name, or nulls when unknown. */
    record Therapist(String id, String name) {
    }

    static LiveView of(Instant now, List<RoomSnapshot> rooms, Function<String, Therapist> therapistOf) {
        return new LiveView(now, rooms.stream().map(room -> session(now, room, therapistOf.apply(room.sessionId()))).toList());
    }

    private static SessionLive session(Instant now, RoomSnapshot room, Therapist therapist) {
        int therapists = 0;
        int clients = 0;
        for (RoomSnapshot.SeatView seat : room.seats()) {
            if (seat.place() == RoomSnapshot.Place.admitted) {
                switch (seat.role()) {
                    case therapist -> therapists++;
                    case client -> clients++;
                }
            }
        }
        List<Waiting> waiting = room.seats().stream()
                .filter(seat -> seat.place() == RoomSnapshot.Place.waiting)
                .map(seat -> new Waiting(seat.participantId(), seat.since(), seconds(seat.since(), now)))
                .toList();
        List<ParticipantLive> participants = room.seats().stream().map(LiveView::participant).toList();
        return new SessionLive(room.sessionId(), therapists + clients > 0 ? "in-call" : "waiting", therapist.id(),
                therapist.name(), room.startsAt(), room.endsAt(), room.openedAt(), seconds(room.openedAt(), now),
                new Counts(therapists, clients), waiting, participants);
    }

    private static ParticipantLive participant(RoomSnapshot.SeatView seat) {
        boolean admitted = seat.place() == RoomSnapshot.Place.admitted;
        String state = switch (seat.link()) {
            case reconnecting -> "reconnecting";
            case connected -> admitted ? "connected" : "waiting";
        };
        return new ParticipantLive(seat.participantId(), seat.role().name(), state, admitted, seat.since(),
                seat.droppedAt(), seat.reconnects(), seat.quality());
    }

    private static long seconds(Instant from, Instant now) {
        return from == null ? 0 : Math.max(0, Duration.between(from, now).toSeconds());
    }
}
