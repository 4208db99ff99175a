/**
 * Real WebRTC end-to-end tests: native webrtc-java peers (headless audio, a synthetic video
 * source, one data channel) that negotiate through the signalling server exactly as the
 * browser client will, with perfect negotiation and the server's {@code polite} flags.
 *
 * <p>{@link org.alcove.server.e2e.JavaPeer} is one participant's side of a full-mesh call;
 * {@code JavaPeerMeshTest} proves it in-process without a server, so that a failure in the
 * server tests points at the server, not at the harness.
 */
package org.alcove.server.e2e;
