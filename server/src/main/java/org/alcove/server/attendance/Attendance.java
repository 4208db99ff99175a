package org.alcove.server.attendance;

import org.alcove.server.audit.AuditEvent;
import org.alcove.signaling.protocol.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attendance from a session's audit rows, a pure function of the rows. A participant is
 * <b>present</b> while they are in the call with a live connection: the therapist from joining,
 * a client from admission (waiting is not attending), until they leave, drop
 * ({@code connection-lost}), are removed, lose their link ({@code link-revoked}) or the session
 * ends ({@code session-ended}). A drop that is resumed within the grace period shows as a gap.
 */
public final class Attendance {

    /** A booked participant. */
    public record Booked(String participantId, Role role, String name) {
    }

    /** Present from {@code from} to {@code to}; {@code to} is {@code null} while still present. */
    public record Interval(Instant from, Instant to, String endedBy) {
    }

    public record Gap(Instant from, Instant to, String reason) {
    }

    /**
     * @param leaveReason why the last interval ended, {@code null} while present or never present
     */
    public record Person(String participantId, String role, String name, List<Interval> present,
                         long presentSeconds, List<Gap> gaps, String leaveReason) {
    }

    /**
     * @param together        the times every booked participant was present at once
     * @param togetherSeconds their total
     */
    public record Report(String sessionId, Instant computedAt, List<Person> participants, List<Interval> together,
                         long togetherSeconds) {
    }

    private Attendance() {
    }

    /** {@code events} are the session's audit rows, oldest first; open intervals run to {@code now}. */
    public static Report of(String sessionId, List<Booked> booked, List<AuditEvent> events, Instant now) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        for (Booked b : booked) {
            tracks.put(b.participantId(), new Track(b.role()));
        }
        for (AuditEvent event : events) {
            if (isEnd(event.event())) {
                tracks.values().forEach(track -> track.gone(event.at(), "session-ended"));
                continue;
            }
            Track track = event.participantId() == null ? null : tracks.get(event.participantId());
            if (track != null) {
                track.apply(event);
            }
        }
        List<Person> people = new ArrayList<>();
        List<List<Interval>> all = new ArrayList<>();
        for (Booked b : booked) {
            Track track = tracks.get(b.participantId());
            all.add(track.intervals);
            people.add(new Person(b.participantId(), b.role().name(), b.name(), List.copyOf(track.intervals),
                    seconds(track.intervals, now), gaps(track.intervals), track.leaveReason()));
        }
        List<Interval> together = intersection(all, now);
        return new Report(sessionId, now, people, together, seconds(together, now));
    }

    private static boolean isEnd(String event) {
        return event.equals("room.ended") || event.equals("session.cancelled") || event.equals("admin.session-ended");
    }

    /** One participant's seat as the rows tell it. */
    private static final class Track {
        private final Role role;
        private final List<Interval> intervals = new ArrayList<>();
        private boolean seated;
        private boolean admitted;
        private boolean connected;
        private Instant openSince;

        Track(Role role) {
            this.role = role;
        }

        void apply(AuditEvent event) {
            Instant at = event.at();
            switch (event.event()) {
                case "room.joined" -> {
                    seated = true;
                    connected = true;
                    admitted = role == Role.therapist;
                    open(at);
                }
                case "room.admitted" -> {
                    admitted = true;
                    open(at);
                }
                case "room.disconnected" -> {
                    close(at, "connection-lost");
                    connected = false;
                }
                case "room.reconnected" -> {
                    connected = true;
                    open(at);
                }
                case "room.left" -> gone(at, "left");
                case "room.grace-expired" -> gone(at, "connection-lost");
                case "room.removed" -> gone(at, "removed");
                case "room.revoked" -> gone(at, "link-revoked");
                case "room.declined" -> gone(at, "declined");
                default -> {
                    // Replacements, refusals, extensions and non-room rows do not move presence.
                }
            }
        }

        void gone(Instant at, String reason) {
            close(at, reason);
            seated = false;
            admitted = false;
            connected = false;
        }

        private void open(Instant at) {
            if (seated && admitted && connected && openSince == null) {
                openSince = at;
                intervals.add(new Interval(at, null, null));
            }
        }

        private void close(Instant at, String reason) {
            if (openSince != null) {
                intervals.set(intervals.size() - 1, new Interval(openSince, at, reason));
                openSince = null;
            }
        }

        String leaveReason() {
            if (intervals.isEmpty() || openSince != null) {
                return null;
            }
            return intervals.get(intervals.size() - 1).endedBy();
        }
    }

    private static List<Gap> gaps(List<Interval> intervals) {
        List<Gap> gaps = new ArrayList<>();
        for (int i = 1; i < intervals.size(); i++) {
            Interval before = intervals.get(i - 1);
            gaps.add(new Gap(before.to(), intervals.get(i).from(), before.endedBy()));
        }
        return gaps;
    }

    private static long seconds(List<Interval> intervals, Instant now) {
        long total = 0;
        for (Interval interval : intervals) {
            total += Math.max(0, Duration.between(interval.from(), end(interval, now)).toSeconds());
        }
        return total;
    }

    private static Instant end(Interval interval, Instant now) {
        return interval.to() == null ? now : interval.to();
    }

    /** The stretches common to every list (each sorted and non-overlapping). */
    private static List<Interval> intersection(List<List<Interval>> lists, Instant now) {
        if (lists.isEmpty()) {
            return List.of();
        }
        List<Interval> common = lists.get(0);
        for (int i = 1; i < lists.size(); i++) {
            common = intersect(common, lists.get(i), now);
        }
        return common;
    }

    private static List<Interval> intersect(List<Interval> a, List<Interval> b, Instant now) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Interval x = a.get(i);
            Interval y = b.get(j);
            Instant from = x.from().isAfter(y.from()) ? x.from() : y.from();
            Instant xEnd = end(x, now);
            Instant yEnd = end(y, now);
            Instant to = xEnd.isBefore(yEnd) ? xEnd : yEnd;
            if (from.isBefore(to)) {
                out.add(new Interval(from, x.to() == null && y.to() == null ? null : to, null));
            }
            if (xEnd.isBefore(yEnd)) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }
}
