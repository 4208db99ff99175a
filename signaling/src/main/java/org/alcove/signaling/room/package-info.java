/**
 * The room state machine: seats, the waiting room, admission, relay rules, grace periods and
 * session timing, with no I/O. The server's WebSocket adapter feeds it inputs and applies
 * the returned effects.
 */
package org.alcove.signaling.room;
