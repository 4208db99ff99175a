package org.alcove.server.sessions;

import java.time.Instant;
import java.util.List;

/**
 * A session as the API shows it. Links appear only for the owning therapist: a link is a way into
 * the room, and an admin never receives media.
 */
public record SessionView(String id, String therapistId, Instant startsAt, Instant endsAt, String status,
                          String therapistLink, List<ClientLink> clientLinks, Live live) {

    /** Present while the session has a live room: how many clients wait and how many are in the call. */
    public record Live(int waiting, int inCall) {
    }

    /** One client; {@code link} is {@code null} where links are not shown. */
    public record ClientLink(String clientId, String name, String link) {
    }
}
