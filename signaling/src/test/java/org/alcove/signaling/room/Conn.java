package org.alcove.signaling.room;

/** A socket as the room sees it in tests: a plain value with an id. */
record Conn(String id) implements Connection {
}
