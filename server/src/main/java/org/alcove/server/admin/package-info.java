/**
 * The admin side of live sessions: the live view (a JSON snapshot and a Server-Sent Events push
 * channel built only from {@link org.alcove.signaling.room.RoomSnapshot}s, so it can carry no
 * SDP, ICE candidates, chat or client names) and the actions an admin takes on a session (end it,
 * remove a participant), each audited with the admin's id and reason and shown to the therapist.
 */
package org.alcove.server.admin;
