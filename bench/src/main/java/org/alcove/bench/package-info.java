/**
 * {@code ./alcove bench}: the benchmark harness. Everything here measures Alcove against a
 * baseline started in the same run on the same machine, so every target is a ratio.
 */
package org.alcove.bench;
