/**
 * The load-generator process of the idle-capacity scenario: a {@code main} the harness starts
 * several times as child JVMs, each connecting its share of participants (Alcove: booked pairs,
 * joined and admitted; echo: bare sockets) from its own 127.0.0.x source addresses, keeping them
 * open with the browser client's pings, and taking its orders on stdin. The harness's side of the
 * scenario (starting these processes and reading their counts) is {@code org.alcove.bench.capacity}.
 */
package org.alcove.bench.idle;
