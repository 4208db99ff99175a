package org.alcove.signaling.room;

/**
 * One live socket as the room sees it: an identity, nothing more. The server's socket
 * adapter implements it; the room never performs I/O on it, it only names it in
 * {@link Effect}s.
 */
public interface Connection {
    /** Opaque id, unique per socket for the life of the server; used in logs. */
    String id();
}
