/**
 * Attendance: who was present in a session from when to when, computed from the session's audit
 * rows by a pure function ({@link org.alcove.server.attendance.Attendance}), and the
 * {@code GET /api/sessions/{id}/attendance} route for the owning therapist and admins.
 */
package org.alcove.server.attendance;
