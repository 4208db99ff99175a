/** The baseline server: bare Jetty 12 WebSocket echo, started as its own process by the harness. */
package org.alcove.bench.echo;
