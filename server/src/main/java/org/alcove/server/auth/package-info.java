/**
 * Authentication: the token-signing key, join tokens (links) and login tokens (staff), password
 * hashing, the sign-in routes, and the brute-force throttle mechanism ({@link
 * org.alcove.server.auth.FailureWindow}, keyed by {@link org.alcove.server.auth.AddressGroup})
 * behind both sign-in and socket auth. Both token kinds are HS256 JWTs signed with the same key
 * and kept apart by their audience.
 */
package org.alcove.server.auth;
