package org.alcove.bench.browser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdmissionTest {
    private static final double EPSILON = 1e-9;

    /**
     * A typical admission, times in ms from an arbitrary origin: the therapist clicks at 1000, the
     * client (the side that opens the connection) offers, the therapist answers, candidates trickle
     * both ways, both connect and then play. Messages before the click (pings, the waiting list)
     * must not count.
     */
    private static List<PageEvent> therapist() {
        return List.of(
                new PageEvent(900, "out", "ping"),
                new PageEvent(901, "in", "pong"),
                new PageEvent(950, "in", "waiting-list"),
                new PageEvent(1000, "admit-click", null),
                new PageEvent(1001, "out", "admit"),
                new PageEvent(1005, "in", "peer-joined"),
                new PageEvent(1040, "in", "offer"),
                new PageEvent(1044, "in", "candidate"),
                new PageEvent(1060, "out", "answer"),
                new PageEvent(1062, "out", "candidate"),
                new PageEvent(1110, "pc", "connected"),
                new PageEvent(1180, "playing", "resize"));
    }

    private static List<PageEvent> client() {
        return List.of(
                new PageEvent(990, "out", "ping"),
                new PageEvent(1006, "in", "roster"),
                new PageEvent(1030, "out", "offer"),
                new PageEvent(1033, "out", "candidate"),
                new PageEvent(1066, "in", "answer"),
                new PageEvent(1068, "in", "candidate"),
                new PageEvent(1100, "pc", "connected"),
                new PageEvent(1200, "playing", "playing"));
    }

    @Test
    void the_total_runs_from_the_click_to_the_later_of_the_two_videos_playing() {
        assertEquals(200, Admission.of(therapist(), client()).total(), EPSILON);
    }

    @Test
    void the_stages_follow_the_critical_path_and_add_up_to_the_total() {
        Admission admission = Admission.of(therapist(), client());
        assertEquals(30, admission.toOffer(), EPSILON);
        assertEquals(36, admission.offerToAnswer(), EPSILON);
        assertEquals(44, admission.answerToConnected(), EPSILON);
        assertEquals(90, admission.connectedToPlaying(), EPSILON);
        assertEquals(admission.total(), admission.toOffer() + admission.offerToAnswer()
                + admission.answerToConnected() + admission.connectedToPlaying(), EPSILON);
    }

    @Test
    void each_relayed_message_is_paired_with_its_arrival_in_the_other_page() {
        // offer 1030 → 1040, answer 1060 → 1066, candidates 1062 → 1068 and 1033 → 1044.
        assertEquals(List.of(10.0, 6.0, 6.0, 11.0), Admission.of(therapist(), client()).relays());
    }

    @Test
    void in_flight_time_counts_overlapping_messages_once() {
        // admit 1001 → 1005/1006, offer 1030 → 1040 overlapping candidate 1033 → 1044,
        // answer 1060 → 1066 overlapping candidate 1062 → 1068: 5 + 14 + 8.
        Admission admission = Admission.of(therapist(), client());
        assertEquals(27, admission.inFlight(), EPSILON);
        assertEquals(27.0 / 200, admission.inFlightShare(), EPSILON);
    }

    @Test
    void intervals_are_clipped_to_the_admission_before_they_are_joined() {
        List<double[]> intervals = new ArrayList<>(List.of(
                new double[] {0, 15}, new double[] {12, 20}, new double[] {30, 40}, new double[] {95, 200}));
        // [10, 15] and [12, 20] join into [10, 20]; [95, 200] is cut at 100.
        assertEquals(10 + 10 + 5, Admission.covered(intervals, 10, 100), EPSILON);
    }

    @Test
    void a_page_whose_video_never_played_is_a_harness_failure_not_a_number() {
        List<PageEvent> silent = client().stream().filter(e -> !e.kind().equals("playing")).toList();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Admission.of(therapist(), silent));
        assertEquals("the pages never showed the therapist's video playing for the client", failure.getMessage());
    }
}
