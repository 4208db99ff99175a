package org.alcove.server.browser;

import java.util.List;

/**
 * A call a stage set up: the therapist and every booked client passed their device check, each
 * client was admitted, and each side sees the other's video.
 */
record AdmittedCall(Booking booking, Participant therapist, List<Participant> clients) {

    /** The first (often the only) client. */
    Participant client() {
        return clients.get(0);
    }
}
