/** Measurement helpers: latency histograms (HdrHistogram) shared by the scenarios. */
package org.alcove.bench.stats;
