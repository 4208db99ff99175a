/** Measurement helpers shared by the scenarios: latency histograms (HdrHistogram) and a least-squares line. */
package org.alcove.bench.stats;
