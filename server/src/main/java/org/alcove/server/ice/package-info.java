/**
 * The STUN and TURN configuration participants' browsers use, and the short-lived TURN
 * credentials of the TURN REST API (coturn {@code use-auth-secret}) computed for each of them.
 */
package org.alcove.server.ice;
