/** JMH micro-benchmarks, run in a forked JVM by the token-verification scenario. */
package org.alcove.bench.jmh;
