/**
 * Scenarios 4 and 5, the cost of a join: join latency under a background load of joins and the
 * sustained join rate ({@link org.alcove.bench.join.JoinLatency}, with the operations it repeats in
 * {@code Joins}, its measured foreground in {@code JoinSamples} and the open- and closed-loop
 * driver in {@code Load}), and the join token's verification against the raw HMAC under JMH
 * ({@link org.alcove.bench.join.TokenVerification}). Uses the relay package's echo round trip as
 * the join latency's baseline.
 */
package org.alcove.bench.join;
