/**
 * What the integration tests stand on: {@link org.alcove.server.testing.TestServer} (the real
 * server on port 0 with a temp data dir and a hand-moved clock), the HTTP {@link
 * org.alcove.server.testing.Api}, the WebSocket {@link org.alcove.server.testing.SignalingClient},
 * and the socket-level stage {@link org.alcove.server.testing.LiveStage}: a JUnit extension giving
 * a test class one server, a therapist, bookings and the scenes of a call ({@link
 * org.alcove.server.testing.LiveScenes}: therapist in, client waiting, clients admitted), so no
 * test writes that set-up again. The security suite's {@code Arena} is this stage plus a bystander
 * call.
 */
package org.alcove.server.testing;
