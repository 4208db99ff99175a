package org.alcove.bench.idle;

import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.client.Sockets;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One load generator's participants: connected in steps ({@link #growTo}) by a few blocking
 * workers, then held open and pinged like the browser client does (an application {@code ping}
 * every {@code pingMillis}, phases spread evenly so the pings come as a steady trickle, not a
 * burst); WebSocket pings from the server are answered by Jetty's client, as a browser does.
 * Sessions (Alcove) or sockets (echo) are spread round-robin over the source addresses.
 */
final class HeldSockets implements AutoCloseable {
    /** What the sockets are held on. */
    enum Target {
        /** A booked session per pair: the therapist joins, the client joins, the therapist admits. */
        ALCOVE,
        /** Bare sockets on the echo server, pinged with the same text. */
        ECHO
    }

    /** Where one step ended: participants held now, joins that failed or were not tried, the step's time. */
    record Growth(int held, int failed, long millis, String firstError) {
    }

    /** Held sockets still open, pings sent and answers received so far. */
    record Stats(int open, long pings, long replies) {
    }

    /**
     * Each step of a join (connect and upgrade, welcome, roster): generous, because on a shared
     * machine the pinned server can be starved for seconds; a join that still times out is counted
     * as failed and the size is reported as not reached.
     */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final long TICK_MILLIS = 100;
    /** After this many failed joins a step gives up on the rest: the server is refusing, not slow. */
    private static final int MAX_FAILURES = 10;

    private final Target target;
    private final URI server;
    private final List<Seat> seats;
    private final List<Sockets> clients = new ArrayList<>();
    private final List<BenchSocket> held = new CopyOnWriteArrayList<>();
    private final String ping = Messages.ping();
    private final long slices;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(daemon("pinger"));
    private final ExecutorService joiners;
    /** Sessions (Alcove) or sockets (echo) tried so far: the next step starts after them. */
    private int tried;

    HeldSockets(Target target, URI server, List<Seat> seats, List<InetAddress> binds, long pingMillis, int concurrency) {
        this.target = target;
        this.server = server;
        this.seats = seats;
        this.slices = Math.max(1, pingMillis / TICK_MILLIS);
        for (InetAddress bind : binds) {
            clients.add(new Sockets(bind));
        }
        this.joiners = Executors.newFixedThreadPool(concurrency, daemon("joiner"));
        pinger.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Connects until {@code participants} are held (or tried), giving up at {@code deadlineNanos}. */
    Growth growTo(int participants, long deadlineNanos) {
        int perUnit = target == Target.ALCOVE ? 2 : 1;
        int wanted = participants / perUnit;
        if (target == Target.ALCOVE && wanted > seats.size()) {
            throw new IllegalArgumentException(participants + " participants need " + wanted + " seats, the file has "
                    + seats.size());
        }
        long start = System.nanoTime();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Future<?>> started = new ArrayList<>();
        for (int unit = tried; unit < wanted; unit++) {
            int index = unit;
            started.add(joiners.submit(() -> {
                if (failed.get() >= MAX_FAILURES || System.nanoTime() > deadlineNanos) {
                    failed.incrementAndGet();
                    return;
                }
                try {
                    join(index);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                }
            }));
        }
        tried = Math.max(tried, wanted);
        for (Future<?> future : started) {
            try {
                future.get(Math.max(0, deadlineNanos - System.nanoTime()) + STEP_TIMEOUT.toNanos() * 3, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                started.forEach(f -> f.cancel(true));
                firstError.compareAndSet(null, "the step did not finish by its deadline");
                failed.incrementAndGet();
                break;
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
        return new Growth(held.size(), failed.get(), (System.nanoTime() - start) / 1_000_000, firstError.get());
    }

    Stats stats() {
        int open = 0;
        for (BenchSocket socket : held) {
            open += socket.closed().isDone() ? 0 : 1;
        }
        return new Stats(open, pings.get(), replies.get());
    }

    private void join(int index) {
        Sockets client = clients.get(index % clients.size());
        if (target == Target.ECHO) {
            keep(connect(client));
            return;
        }
        Seat seat = seats.get(index);
        BenchSocket therapist = connect(client);
        BenchSocket clientSocket = null;
        try {
            therapist.send(Messages.auth(seat.therapistToken()));
            therapist.nextOfType("welcome", STEP_TIMEOUT);
            clientSocket = connect(client);
            clientSocket.send(Messages.auth(seat.clientToken()));
            clientSocket.nextOfType("welcome", STEP_TIMEOUT);
            therapist.send(Messages.admit(seat.clientId()));
            clientSocket.nextOfType("roster", STEP_TIMEOUT);
        } catch (RuntimeException e) {
            therapist.close();
            if (clientSocket != null) {
                clientSocket.close();
            }
            throw e;
        }
        keep(therapist);
        keep(clientSocket);
    }

    private BenchSocket connect(Sockets client) {
        try {
            return client.open(server).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + Sockets.ws(server), e);
        }
    }

    /** From now on the socket's messages are only counted: a pong (Alcove) or the echoed ping. */
    private void keep(BenchSocket socket) {
        socket.handler(text -> {
            boolean reply = target == Target.ALCOVE ? text.contains("\"pong\"") : text.equals(ping);
            if (reply) {
                replies.incrementAndGet();
            }
        });
        held.add(socket);
    }

    /** Every tick pings one slice of the sockets, so each is pinged once per interval. */
    private void tick() {
        long slice = ticks.getAndIncrement() % slices;
        for (int i = (int) slice; i < held.size(); i += (int) slices) {
            BenchSocket socket = held.get(i);
            if (socket.closed().isDone()) {
                continue;
            }
            try {
                socket.send(ping);
                pings.incrementAndGet();
            } catch (RuntimeException closing) {
                // Closed between the check and the send: the next stats show it.
            }
        }
    }

    /** Closes every socket (normal close, bounded wait), then the clients. */
    @Override
    public void close() {
        pinger.shutdownNow();
        joiners.shutdownNow();
        for (BenchSocket socket : held) {
            socket.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (BenchSocket socket : held) {
            try {
                socket.closed().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notClosedInTime) {
                break;
            }
        }
        clients.forEach(Sockets::close);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "load-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
