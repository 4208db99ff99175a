/**
 * Scheduling: booking sessions, issuing and reissuing join links, cancelling, and the
 * {@code /api/sessions} routes with their owner-only access rule.
 */
package org.alcove.server.sessions;
