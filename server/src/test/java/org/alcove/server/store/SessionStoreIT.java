package org.alcove.server.store;

import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.sessions.Scheduling;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store methods the live room side relies on, against the real migrated database. */
class SessionStoreIT {
    private TestServer server;
    private SessionStore store;
    private SessionRecord session;

    @BeforeEach
    void start() {
        server = TestServer.start();
        store = server.sessions();
        String therapistId = server.users().findByEmail(TestServer.ADMIN_EMAIL).orElseThrow().id();
        session = server.scheduling().schedule(therapistId, "T", server.clock().instant(),
                Duration.ofMinutes(50), List.of(new Scheduling.NewClient("A", null), new Scheduling.NewClient("B", null)),
                therapistId);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void participants_come_back_therapist_first_then_clients_in_booking_order() {
        List<ParticipantRecord> participants = store.participants(session.id());
        assertEquals(List.of(Role.therapist, Role.client, Role.client), participants.stream().map(ParticipantRecord::role).toList());
        assertEquals(List.of("T", "A", "B"), participants.stream().map(ParticipantRecord::name).toList());
        assertTrue(participants.stream().allMatch(p -> p.status() == ParticipantStatus.ACTIVE));
    }

    @Test
    void a_session_ends_only_once() {
        Instant at = server.clock().instant().plus(Duration.ofMinutes(60));
        assertTrue(store.markEnded(session.id(), EndReason.TIME_UP, at));
        assertFalse(store.markEnded(session.id(), EndReason.CANCELLED, at.plusSeconds(1)));
        SessionRecord ended = store.find(session.id()).orElseThrow();
        assertEquals(SessionStatus.ENDED, ended.status());
        assertEquals(EndReason.TIME_UP, ended.endReason());
        assertEquals(at, ended.endedAt());
    }

    @Test
    void cancelling_records_the_cancelled_status() {
        assertTrue(store.markEnded(session.id(), EndReason.CANCELLED, server.clock().instant()));
        assertEquals(SessionStatus.CANCELLED, store.find(session.id()).orElseThrow().status());
    }

    @Test
    void extension_moves_the_end() {
        Instant later = session.endsAt().plus(Duration.ofMinutes(10));
        store.extend(session.id(), later);
        assertEquals(later, store.find(session.id()).orElseThrow().endsAt());
    }

    @Test
    void participant_status_and_token_id_are_updated() {
        ParticipantRecord client = store.participants(session.id()).get(1);
        store.setParticipantStatus(session.id(), client.id(), ParticipantStatus.DECLINED);
        assertTrue(store.replaceTokenId(session.id(), client.id(), "t_new"));
        ParticipantRecord updated = store.findParticipant(session.id(), client.id()).orElseThrow();
        assertEquals(ParticipantStatus.DECLINED, updated.status());
        assertEquals("t_new", updated.tokenId());
        assertTrue(store.findParticipant("s_other", client.id()).isEmpty());
    }

    @Test
    void a_seat_comes_back_with_its_session_as_stored_and_without_a_participant_of_another_id() {
        ParticipantRecord client = store.participants(session.id()).get(2);
        store.setParticipantStatus(session.id(), client.id(), ParticipantStatus.REMOVED);

        StoredSeat seat = store.findSeat(session.id(), client.id()).orElseThrow();
        assertEquals(store.find(session.id()).orElseThrow(), seat.session());
        assertEquals(store.findParticipant(session.id(), client.id()).orElseThrow(), seat.participant());
        assertEquals(ParticipantStatus.REMOVED, seat.participant().status());

        assertEquals(session.id(), store.findSeat(session.id(), "p_unknown").orElseThrow().session().id());
        assertNull(store.findSeat(session.id(), "p_unknown").orElseThrow().participant());
        assertTrue(store.findSeat("s_other", client.id()).isEmpty());
    }

    @Test
    void audit_events_come_back_oldest_first() {
        AuditLog audit = server.audit();
        audit.append(new AuditEvent(server.clock().instant(), session.id(), "p_x", "client", "room.joined", "ok", "p_x"));
        List<AuditEvent> events = audit.forSession(session.id());
        assertEquals(List.of("session.scheduled", "room.joined"), events.stream().map(AuditEvent::event).toList());
        assertEquals("p_x", events.get(1).participantId());
    }
}
