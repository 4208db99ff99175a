package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ServerMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The time rules of one room: the current end, extensions, the end warning and the automatic end. */
final class SessionClock {
    private final Schedule booked;
    private final RoomPolicy policy;
    private Instant endsAt;
    private Duration extended = Duration.ZERO;
    /** The {@code endsAt} the last warning was about; a new end re-arms the warning. */
    private Instant warnedFor;

    SessionClock(Schedule booked, RoomPolicy policy) {
        this.booked = booked;
        this.policy = policy;
        this.endsAt = booked.endsAt();
    }

    Schedule schedule() {
        return new Schedule(booked.sessionId(), booked.startsAt(), endsAt);
    }

    Instant startsAt() {
        return booked.startsAt();
    }

    Instant endsAt() {
        return endsAt;
    }

    /** Moves the end unless that would exceed the policy's total; returns whether it did. */
    boolean extend(int minutes) {
        Duration total = extended.plusMinutes(minutes);
        if (total.compareTo(policy.maxExtension()) > 0) {
            return false;
        }
        extended = total;
        endsAt = endsAt.plus(Duration.ofMinutes(minutes));
        return true;
    }

    /** The latest the session can run: the booked end, every allowed extension, the overrun. */
    Instant latestEnd() {
        return booked.endsAt().plus(policy.maxExtension()).plus(policy.overrun());
    }

    boolean timeUp(Instant now) {
        return !now.isBefore(endsAt.plus(policy.overrun()));
    }

    /** The warning due at {@code now}, at most once per end time, and only before that end. */
    Optional<ServerMessage.SessionWarning> warningDue(Instant now) {
        if (endsAt.equals(warnedFor) || now.isBefore(endsAt.minus(policy.endWarning())) || !now.isBefore(endsAt)) {
            return Optional.empty();
        }
        warnedFor = endsAt;
        long millis = Duration.between(now, endsAt).toMillis();
        long minutesLeft = (millis + 59_999) / 60_000;
        return Optional.of(new ServerMessage.SessionWarning(endsAt, minutesLeft));
    }
}
