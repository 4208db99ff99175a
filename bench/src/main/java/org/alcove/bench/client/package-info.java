/**
 * The load generator's side of the wire: the HTTP API for booking, one shared Jetty WebSocket
 * client, and the protocol messages it writes and reads.
 */
package org.alcove.bench.client;
