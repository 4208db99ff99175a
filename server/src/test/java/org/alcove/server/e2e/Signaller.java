package org.alcove.server.e2e;

/**
 * Where a {@link JavaPeer} sends its negotiation: the server's relay in the end-to-end tests,
 * another in-process peer in the harness test. Called on the peer's negotiation thread;
 * implementations must not block for long and must not call back into the same peer
 * synchronously.
 */
interface Signaller {

    void sendOffer(String to, String sdp);

    void sendAnswer(String to, String sdp);

    void sendCandidate(String to, String candidate, String sdpMid, int sdpMLineIndex);
}
