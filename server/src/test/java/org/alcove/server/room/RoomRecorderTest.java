package org.alcove.server.room;

import org.alcove.server.config.ConfigLoader;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.Database;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.room.Participant;
import org.alcove.signaling.room.RoomEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The recorder against the real audit trail (embedded database); the session store is a mock. */
class RoomRecorderTest {
    private static final Instant NOW = Instant.parse("2026-05-01T14:00:00Z");
    private static final Participant CLIENT = new Participant("p1", Role.client, "Robin");

    @TempDir
    Path dir;
    private Database database;
    private AuditLog audit;
    private final SessionStore sessions = mock(SessionStore.class);
    private RoomRecorder recorder;

    @BeforeEach
    void open() {
        database = Database.open(ConfigLoader.load(Map.of(), Map.of("store.data-dir", dir.toString())).store());
        audit = new AuditLog(database);
        recorder = new RoomRecorder(sessions, audit);
    }

    @AfterEach
    void close() {
        audit.close();
        database.close();
    }

    private void recorded(List<RoomEvent> events) {
        recorder.queue(events);
        recorder.persist();
    }

    private List<String> names(String sessionId) {
        return audit.forSession(sessionId).stream().map(AuditEvent::event).toList();
    }

    @Test
    void events_are_stored_in_the_order_rooms_queued_them_whoever_persists_first() {
        // The client's join was queued under the room's lock, then the therapist's admit on
        // another thread; the admitting thread reaches persist() first.
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.JOINED, CLIENT)));
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.ADMITTED, CLIENT)));
        recorder.persist();
        recorder.persist();

        assertEquals(List.of("room.joined", "room.admitted"), names("s1"));
    }

    @Test
    void a_state_change_is_stored_before_persist_returns_after_the_rows_queued_before_it() {
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.JOINED, CLIENT)));
        recorder.queue(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.DECLINED, CLIENT)));
        recorder.persist();

        // No waiting: the mock is checked the moment persist() returns.
        verify(sessions).setParticipantStatus("s1", "p1", ParticipantStatus.DECLINED);
        assertEquals(List.of("room.joined", "room.declined"), names("s1"));
    }

    @Test
    void when_a_row_cannot_be_stored_its_state_is_skipped_and_no_other_row_is_lost() {
        String tooLong = "s".repeat(41);
        recorded(List.of(RoomEvent.of(NOW, "s2", RoomEvent.Type.JOINED, CLIENT),
                RoomEvent.of(NOW, tooLong, RoomEvent.Type.DECLINED, CLIENT),
                RoomEvent.of(NOW, "s2", RoomEvent.Type.REMOVED, CLIENT)));

        assertEquals(List.of("room.joined", "room.removed"), names("s2"));
        verify(sessions).setParticipantStatus("s2", "p1", ParticipantStatus.REMOVED);
        // The declined link's state is skipped with its row, as when each event was written alone.
        verify(sessions, never()).setParticipantStatus(eq(tooLong), any(), any());
    }

    @Test
    void every_event_becomes_an_audit_row_named_after_it_with_opaque_ids() {
        recorded(List.of(RoomEvent.of(NOW, "s1", RoomEvent.Type.GRACE_EXPIRED, CLIENT)));

        assertEquals(List.of(new AuditEvent(NOW, "s1", "p1", "client", "room.grace-expired", "ok", null)),
                audit.forSession("s1"));
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
        verify(sessions, never()).markEnded(eq("s2"), any(), any());
        assertEquals("time-up", audit.forSession("s1").get(0).outcome());
        assertEquals("cancelled", audit.forSession("s2").get(0).outcome());
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

        assertEquals(List.of("room.declined", "room.left", "room.removed"), names("s1"));
        verify(sessions).setParticipantStatus("s1", "p1", ParticipantStatus.REMOVED);
    }
}
