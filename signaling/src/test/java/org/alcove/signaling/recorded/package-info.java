/**
 * Test support for fuzzing with real traffic: {@link org.alcove.signaling.recorded.RecordedSession}
 * reads the calls recorded from real clients in {@code recorded-sessions/},
 * {@link org.alcove.signaling.recorded.Mutations} damages single frames, and
 * {@link org.alcove.signaling.recorded.FuzzBudget} bounds a fuzz case by runs and wall time with
 * replayable seeds.
 */
package org.alcove.signaling.recorded;
