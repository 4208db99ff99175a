/**
 * The room state machine: seats, the waiting room, admission, relay rules, grace periods and
 * session timing, with no I/O. The server's WebSocket adapter feeds it inputs and applies
 * the returned effects. {@link org.alcove.signaling.room.Room} is the one entry point; its
 * Javadoc lists the rules and the package-private class that applies each.
 */
package org.alcove.signaling.room;
