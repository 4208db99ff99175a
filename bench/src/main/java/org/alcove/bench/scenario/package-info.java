/**
 * The scenarios of issue 6, each measuring Alcove against its baseline from the same run:
 * relay latency and throughput, join latency under load and join rate, token verification
 * (JMH) and cold start. Scenarios 3 (idle capacity) and 7 (browser) are listed as not measured.
 */
package org.alcove.bench.scenario;
