/**
 * Authentication: the token-signing key, join tokens (links) and login tokens (staff), password
 * hashing, and the sign-in routes. Both token kinds are HS256 JWTs signed with the same key and
 * kept apart by their audience.
 */
package org.alcove.server.auth;
