package org.alcove.server.room;

import org.alcove.server.store.AuditEvent;
import org.alcove.server.store.AuditLog;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.room.Participant;
import org.alcove.signaling.room.RoomEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.InOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class RoomRecorderTest {
    private static final Instant NOW = Instant.parse("2026-05-01T14:00:00Z");
    private static final Participant CLIENT = new Participant("p1", Role.client, "Robin");

    private final SessionStore sessions = mock(SessionStore.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final RoomRecorder recorder = new RoomRecorder(sessions, audit);
    /** Every audit row handed to the log, in the order of the calls, batched or not, now or later. */
    private final List<AuditEvent> handed = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void recordRows() {
        doAnswer(call -> handed.addAll(call.getArgument(0, List.class))).when(audit).appendAll(any());
        doAnswer(call -> handed.addAll(call.getArgument(0, List.class))).when(audit).appendLater(any());
        doAnswer(call -> handed.add(call.getArgument(0, AuditEvent.class))).when(audit).append(any());
    }

    private void recorded(List<RoomEvent> events) {
        recorder.queue(events);
        recorder.persist();
    }

    private List<AuditEvent> rows() {
        return handed;
    }

    private static AuditEvent row(RoomEvent.Type type) {
        return RoomRecorder.auditRow(RoomEvent.of(NOW, "s1", type, CLIENT));
    }

    @Test
    void events_are_stored_in_the_order_rooms_queued_them_whoever_persists_first() {
        // The client's join was queued under the room's lock, then the therapist's admit on
        // another thread; the admitting thread reaches persist() first.
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.JOINED, CLIENT)));
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.ADMITTED, CLIENT)));
        recorder.persist();
        recorder.persist();

        assertEquals(List.of("room.joined", "room.admitted"), rows().stream().map(AuditEvent::event).toList());
    }

    @Test
    void audit_only_events_one_persist_finds_queued_are_left_to_the_writer_in_one_handover_in_order() {
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.JOINED, CLIENT)));
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.ADMITTED, CLIENT),
                RoomEvent.of(NOW, "s1", RoomEvent.Type.LEFT, CLIENT)));
        recorder.persist();

        verify(audit).appendLater(List.of(row(RoomEvent.Type.JOINED), row(RoomEvent.Type.ADMITTED),
                row(RoomEvent.Type.LEFT)));
        verify(audit, never()).appendAll(any());
        verify(audit, never()).append(any());
    }

    @Test
    void a_drain_with_a_state_change_is_written_at_once_with_the_rows_queued_before_it_then_its_state() {
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.JOINED, CLIENT)));
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.DECLINED, CLIENT)));
        recorder.persist();

        InOrder order = inOrder(audit, sessions);
        order.verify(audit).appendAll(List.of(row(RoomEvent.Type.JOINED), row(RoomEvent.Type.DECLINED)));
        order.verify(sessions).setParticipantStatus("s1", "p1", ParticipantStatus.DECLINED);
        verify(audit, never()).appendLater(any());
    }

    @Test
    void rows_left_to_the_writer_and_rows_written_at_once_reach_the_log_in_the_order_queued() {
        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.JOINED, CLIENT)));
        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.REMOVED, CLIENT)));
        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.LEFT, CLIENT)));

        InOrder order = inOrder(audit);
        order.verify(audit).appendLater(List.of(row(RoomEvent.Type.JOINED)));
        order.verify(audit).appendAll(List.of(row(RoomEvent.Type.REMOVED)));
        order.verify(audit).appendLater(List.of(row(RoomEvent.Type.LEFT)));
    }

    @Test
    void when_the_rows_cannot_be_written_together_each_is_tried_alone_and_only_a_failing_one_is_lost() {
        RoomEvent declined = RoomEvent.of(NOW, "s1", RoomEvent.Type.DECLINED, CLIENT);
        RoomEvent removed = RoomEvent.of(NOW, "s2", RoomEvent.Type.REMOVED, CLIENT);
        doThrow(new IllegalStateException("db hiccup")).when(audit).appendAll(any());
        doThrow(new IllegalStateException("bad row")).when(audit).append(RoomRecorder.auditRow(declined));

        recorded(List.of(declined, removed));

        verify(audit).append(RoomRecorder.auditRow(removed));
        verify(sessions).setParticipantStatus("s2", "p1", ParticipantStatus.REMOVED);
        // The declined link's state is skipped with its row, as when each event was written alone.
        verify(sessions, never()).setParticipantStatus("s1", "p1", ParticipantStatus.DECLINED);
    }

    @Test
    void every_event_becomes_an_audit_row_named_after_it_with_opaque_ids() {
        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.GRACE_EXPIRED, CLIENT)));

        assertEquals(List.of(new AuditEvent(NOW, "s1", "p1", "client", "room.grace-expired", "ok", null)), rows());
    }

    @Test
    void declined_and_removed_links_are_marked_so_they_cannot_join_again() {
        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.DECLINED, CLIENT),
                RoomEvent.of(NOW, "s1", RoomEvent.Type.REMOVED, CLIENT)));

        verify(sessions).setParticipantStatus("s1", "p1", ParticipantStatus.DECLINED);
        verify(sessions).setParticipantStatus("s1", "p1", ParticipantStatus.REMOVED);
    }

    @Test
    void an_end_is_stored_with_its_reason_except_a_cancellation_which_is_stored_already() {
        recorded(List.of(new RoomEvent(NOW, "s1", RoomEvent.Type.ENDED, null, null, null, EndReason.TIME_UP),
                new RoomEvent(NOW, "s2", RoomEvent.Type.ENDED, null, null, null, EndReason.CANCELLED)));

        verify(sessions).markEnded("s1", EndReason.TIME_UP, NOW);
        verify(sessions, never()).markEnded(org.mockito.ArgumentMatchers.eq("s2"), any(), any());
        assertEquals(2, rows().size());
        assertEquals("time-up", rows().get(0).outcome());
    }

    @Test
    void an_extension_moves_the_stored_end() {
        Instant later = NOW.plusSeconds(900);
        recorded(List.of(new RoomEvent(NOW, "s1", RoomEvent.Type.EXTENDED, "t1", Role.therapist, later, null)));
        verify(sessions).extend("s1", later);
    }

    @Test
    void a_storage_failure_is_contained_and_later_events_are_still_recorded() {
        doThrow(new IllegalStateException("db down")).when(sessions)
                .setParticipantStatus("s1", "p1", ParticipantStatus.DECLINED);

        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.DECLINED, CLIENT),
                RoomEvent.of(NOW, "s1", RoomEvent.Type.LEFT, CLIENT)));
        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.REMOVED, CLIENT)));

        assertEquals(List.of("room.declined", "room.left", "room.removed"), rows().stream().map(AuditEvent::event).toList());
        verify(sessions).setParticipantStatus("s1", "p1", ParticipantStatus.REMOVED);
    }
}
