/**
 * The HTTP plumbing shared by every feature: the listener (plain HTTP, or HTTPS from a checked
 * keystore), the router, strict size-limited JSON bodies, problem+json errors (rendered only in
 * {@link org.alcove.server.http.Router}), security headers and the static web client. Features
 * register their own routes.
 */
package org.alcove.server.http;
