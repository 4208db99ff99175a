/**
 * Operations: readiness, Prometheus metrics (Micrometer), the log format, and the drain that
 * precedes a graceful shutdown. Metric labels are bounded wire names (message types, error
 * codes, roles), never ids or anything personal.
 */
package org.alcove.server.ops;
