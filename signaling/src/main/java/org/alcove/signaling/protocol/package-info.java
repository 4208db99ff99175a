/**
 * The signalling wire protocol: client and server message records, error and close codes,
 * and the strict codec between them and JSON text. Documented for humans in docs/protocol.md.
 */
package org.alcove.signaling.protocol;
