package org.alcove.server.testing;

/**
 * Sees one test socket's traffic as text on the wire: what the client sent, what it received,
 * and when it closed. Test-only: the server never records what sockets carry.
 */
public interface WireTap {
    WireTap NONE = new WireTap() {
    };

    default void sent(String text) {
    }

    default void received(String text) {
    }

    default void closed() {
    }
}
