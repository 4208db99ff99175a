/**
 * Authentication: the token-signing key, join tokens (links) and login tokens (staff), password
 * hashing, the sign-in routes and the sign-in throttle's policy (per account and per address, on
 * the {@code org.alcove.server.throttle} mechanism that socket auth uses too). Both token kinds
 * are HS256 JWTs signed with the same key and kept apart by their audience.
 */
package org.alcove.server.auth;
