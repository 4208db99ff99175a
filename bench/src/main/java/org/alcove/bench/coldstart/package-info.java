/**
 * Scenario 6, cold start: JVM spawn to Alcove's first accepted join on a prepared data directory,
 * with and without the class archive, against the echo jar's first upgrade. It stops the run's
 * shared server, so it runs last.
 */
package org.alcove.bench.coldstart;
