/**
 * The load-generator process of the idle-capacity scenario: a {@code main} the harness starts
 * several times as child JVMs, each connecting its share of participants (Alcove: booked pairs,
 * joined and admitted; echo: bare sockets) from its own 127.0.0.x source addresses, keeping them
 * open with the browser client's pings, and taking its orders on stdin.
 */
package org.alcove.bench.idle;
