package org.alcove.server.browser;

import org.alcove.server.testing.BookedSession;

import java.util.List;

/**
 * A session a stage booked for one test, starting now: its own therapist's API login, the
 * session's ids and link tokens, and the clients' names in booking order (the names their tiles
 * and the "Admit" buttons show).
 */
record Booking(String therapistLogin, BookedSession session, List<String> clientNames) {

    String id() {
        return session.sessionId();
    }

    String therapistToken() {
        return session.therapistToken();
    }

    String clientToken(int index) {
        return session.clientToken(index);
    }

    String clientName(int index) {
        return clientNames.get(index);
    }
}
