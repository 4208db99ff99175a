/**
 * Scenarios 1 and 2, the relayed message: one admitted pair's round trip through Alcove against
 * the echo server ({@link org.alcove.bench.relay.RelayLatency}, driven by
 * {@link org.alcove.bench.relay.PingPong}), and the highest rate many pairs sustain within a
 * latency bound ({@link org.alcove.bench.relay.RelayThroughput}, driven by
 * {@link org.alcove.bench.relay.Streams}). The join scenario reuses the echo round trip and the
 * message size from here.
 */
package org.alcove.bench.relay;
