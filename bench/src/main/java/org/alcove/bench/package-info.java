/**
 * {@code ./alcove bench}: the benchmark harness. Everything here measures Alcove against a
 * baseline started in the same run on the same machine, so every target is a ratio. {@code Bench}
 * reads the command line; {@code Scenarios} lists every scenario. That list is the one class that
 * depends on every scenario package, and it sits here rather than in {@code scenario} so that the
 * shared package depends on no scenario and the packages form no cycle.
 */
package org.alcove.bench;
