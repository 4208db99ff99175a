/**
 * What admins do: the live view (a JSON snapshot and a Server-Sent Events push channel built only
 * from {@link org.alcove.signaling.room.RoomSnapshot}s, so it can carry no SDP, ICE candidates,
 * chat or client names), the actions an admin takes on a session (end it, remove a participant),
 * each audited with the admin's id and reason and shown to the therapist, and account management
 * ({@code /api/users}). It may use accounts, auth, rooms and the audit trail; nothing uses it but
 * the wiring in {@link org.alcove.server.Server}.
 */
package org.alcove.server.admin;
