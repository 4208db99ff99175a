/**
 * Scenario 3, idle capacity, on the harness's side: {@link org.alcove.bench.capacity.IdleCapacity}
 * books the sessions ({@code Bookings}), starts and commands the load-generator processes
 * ({@code LoadGenerators}), probes the server at each size, and turns the sweeps into rows
 * ({@code IdleRows}). The load-generator process itself, a separate {@code main}, is
 * {@code org.alcove.bench.idle}; this package uses only its {@code Seat} file
 * format from there.
 */
package org.alcove.bench.capacity;
