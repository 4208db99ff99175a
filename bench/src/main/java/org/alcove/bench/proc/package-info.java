/**
 * The processes a bench run starts: Alcove's built jar and the bare Jetty echo server, each its
 * own JVM with the same options, pinned to the server CPU, always stopped at the end.
 */
package org.alcove.bench.proc;
