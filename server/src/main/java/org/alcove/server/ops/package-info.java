/**
 * Operations: readiness, Prometheus metrics (Micrometer), the log format and the log scope (the
 * opaque ids every line names, used by the socket and room sides alike), and the drain that
 * precedes a graceful shutdown. Metric labels are bounded wire names (message types, error
 * codes, roles), never ids or anything personal.
 */
package org.alcove.server.ops;
