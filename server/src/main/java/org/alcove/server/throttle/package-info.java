/**
 * The brute-force throttle mechanism: {@link org.alcove.server.throttle.FailureWindow} (attempts per
 * key over a sliding window, counted before the slow part so racing attempts cannot exceed a
 * limit) keyed by {@link org.alcove.server.throttle.AddressGroup} (an IPv4 address, an IPv6 /64).
 * It knows no policy and depends on nothing: sign-in ({@code auth/LoginThrottle}) and socket auth
 * ({@code room/JoinGate}) each set their own keys and limits on it.
 */
package org.alcove.server.throttle;
