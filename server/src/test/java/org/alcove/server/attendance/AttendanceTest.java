package org.alcove.server.attendance;

import org.alcove.server.audit.AuditEvent;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AttendanceTest {
    private static final Instant T = Instant.parse("2030-01-31T14:00:00Z");
    private static final String S = "s_1";
    private static final List<Attendance.Booked> BOOKED = List.of(
            new Attendance.Booked("p_t", Role.therapist, "Dr T"),
            new Attendance.Booked("p_a", Role.client, "Client A"));

    private final List<AuditEvent> rows = new ArrayList<>();

    private void at(int minute, int second, String participant, String event) {
        Role role = participant == null ? null : participant.equals("p_t") ? Role.therapist : Role.client;
        rows.add(new AuditEvent(T.plusSeconds(minute * 60L + second), S, participant, role == null ? null : role.name(),
                event, "ok", null));
    }

    @Test
    void a_scripted_session_with_a_drop_and_a_reconnect() {
        at(0, 0, "p_t", "room.joined");
        at(1, 0, "p_a", "room.joined");          // waiting is not attending
        at(2, 0, "p_a", "room.admitted");
        at(20, 0, "p_a", "room.disconnected");   // network drop
        at(20, 30, "p_a", "room.reconnected");   // back within the grace period
        at(30, 0, "p_t", "room.disconnected");
        at(30, 10, "p_t", "room.replaced");      // no effect on presence
        at(30, 15, "p_t", "room.reconnected");
        at(45, 0, "p_a", "room.left");
        at(50, 0, null, "room.ended");

        Attendance.Report report = Attendance.of(S, BOOKED, rows, T.plusSeconds(3600));

        Attendance.Person therapist = report.participants().get(0);
        assertEquals(List.of(
                new Attendance.Interval(T, T.plusSeconds(1800), "connection-lost"),
                new Attendance.Interval(T.plusSeconds(1815), T.plusSeconds(3000), "session-ended")), therapist.present());
        assertEquals(1800 + 1185, therapist.presentSeconds());
        assertEquals(List.of(new Attendance.Gap(T.plusSeconds(1800), T.plusSeconds(1815), "connection-lost")), therapist.gaps());
        assertEquals("session-ended", therapist.leaveReason());
        assertEquals("Dr T", therapist.name());

        Attendance.Person client = report.participants().get(1);
        assertEquals(List.of(
                new Attendance.Interval(T.plusSeconds(120), T.plusSeconds(1200), "connection-lost"),
                new Attendance.Interval(T.plusSeconds(1230), T.plusSeconds(2700), "left")), client.present());
        assertEquals(1080 + 1470, client.presentSeconds());
        assertEquals(List.of(new Attendance.Gap(T.plusSeconds(1200), T.plusSeconds(1230), "connection-lost")), client.gaps());
        assertEquals("left", client.leaveReason());

        assertEquals(List.of(
                new Attendance.Interval(T.plusSeconds(120), T.plusSeconds(1200), null),
                new Attendance.Interval(T.plusSeconds(1230), T.plusSeconds(1800), null),
                new Attendance.Interval(T.plusSeconds(1815), T.plusSeconds(2700), null)), report.together());
        assertEquals(1080 + 570 + 885, report.togetherSeconds());
    }

    @Test
    void a_client_never_admitted_was_never_present_and_nobody_was_together() {
        at(0, 0, "p_t", "room.joined");
        at(1, 0, "p_a", "room.joined");
        at(5, 0, "p_a", "room.declined");
        Attendance.Report report = Attendance.of(S, BOOKED, rows, T.plusSeconds(600));
        assertEquals(List.of(), report.participants().get(1).present());
        assertNull(report.participants().get(1).leaveReason());
        assertEquals(0, report.togetherSeconds());
        assertEquals(List.of(new Attendance.Interval(T, null, null)), report.participants().get(0).present());
        assertEquals(600, report.participants().get(0).presentSeconds());
    }

    @Test
    void an_ongoing_session_counts_up_to_now_and_open_intervals_have_no_end() {
        at(0, 0, "p_t", "room.joined");
        at(0, 30, "p_a", "room.joined");
        at(1, 0, "p_a", "room.admitted");
        Attendance.Report report = Attendance.of(S, BOOKED, rows, T.plusSeconds(600));
        assertEquals(List.of(new Attendance.Interval(T.plusSeconds(60), null, null)), report.together());
        assertEquals(540, report.togetherSeconds());
        assertNull(report.participants().get(1).leaveReason());
    }

    @Test
    void a_client_admitted_while_dropped_is_present_from_the_reconnect_and_removal_is_a_leave_reason() {
        at(0, 0, "p_t", "room.joined");
        at(1, 0, "p_a", "room.joined");
        at(2, 0, "p_a", "room.disconnected");
        at(2, 10, "p_a", "room.admitted");
        at(2, 40, "p_a", "room.reconnected");
        at(10, 0, "p_a", "room.removed");
        Attendance.Person client = Attendance.of(S, BOOKED, rows, T.plusSeconds(900)).participants().get(1);
        assertEquals(List.of(new Attendance.Interval(T.plusSeconds(160), T.plusSeconds(600), "removed")), client.present());
        assertEquals("removed", client.leaveReason());
    }

    @Test
    void grace_expiry_ends_the_seat_and_a_new_join_waits_for_admission_again() {
        at(0, 0, "p_t", "room.joined");
        at(1, 0, "p_a", "room.joined");
        at(1, 0, "p_a", "room.admitted");
        at(5, 0, "p_a", "room.disconnected");
        at(6, 0, "p_a", "room.grace-expired");
        at(8, 0, "p_a", "room.joined");
        at(9, 0, "p_a", "room.admitted");
        at(10, 0, "p_t", "room.left");
        Attendance.Report report = Attendance.of(S, BOOKED, rows, T.plusSeconds(900));
        Attendance.Person client = report.participants().get(1);
        assertEquals(List.of(
                new Attendance.Interval(T.plusSeconds(60), T.plusSeconds(300), "connection-lost"),
                new Attendance.Interval(T.plusSeconds(540), null, null)), client.present());
        assertEquals(List.of(new Attendance.Gap(T.plusSeconds(300), T.plusSeconds(540), "connection-lost")), client.gaps());
        assertEquals(240 + 60, report.togetherSeconds());
    }
}
