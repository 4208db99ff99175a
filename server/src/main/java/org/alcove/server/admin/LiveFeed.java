package org.alcove.server.admin;

import org.alcove.server.http.Json;
import org.alcove.server.http.Reply;
import org.alcove.server.room.LiveAdmin;
import org.alcove.signaling.room.RoomSnapshot;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The admin live view as Server-Sent Events: a {@code sessions} event with the full
 * {@link LiveView} on connect, then again whenever a room's snapshot changes (checked every
 * {@link #POLL}), and a comment line every {@link #HEARTBEAT} so proxies keep the stream open
 * and dead subscribers are noticed. Events are serialised from {@link LiveView} only.
 */
public final class LiveFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final LiveAdmin rooms;
    private final Function<String, LiveView.Therapist> therapists;
    private final Clock clock;
    private final Json json;
    private final Set<EventStream> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alcove-admin-live");
        thread.setDaemon(true);
        return thread;
    });
    /** Touched only by the timer thread. */
    private List<RoomSnapshot> last;
    private long lastSent = System.nanoTime();

    LiveFeed(LiveAdmin rooms, Function<String, LiveView.Therapist> therapists, Clock clock, Json json) {
        this.rooms = rooms;
        this.therapists = therapists;
        this.clock = clock;
        this.json = json;
    }

    /** The current view, as {@code GET /api/admin/sessions/active} answers it. */
    LiveView current() {
        return view(snapshots());
    }

    /**
     * Takes over a response: event-stream headers, the current view, then every change, for as
     * long as {@code allowed} holds (it is asked before every event and heartbeat).
     */
    Reply.Stream subscribe(BooleanSupplier allowed) {
        return (response, callback) -> {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            // Tells nginx-style proxies not to buffer the stream.
            response.getHeaders().put("X-Accel-Buffering", "no");
            EventStream stream = new EventStream(response, callback, subscribers::remove, allowed);
            subscribers.add(stream);
            stream.send(event(current()));
        };
    }

    void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                // Keep the timer alive: a scheduled task that throws is never run again.
                LOG.error("admin live view update failed: {}", e.getClass().getSimpleName());
            }
        }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends every stream and the timer. */
    void stop() {
        timer.shutdownNow();
        for (EventStream stream : new ArrayList<>(subscribers)) {
            stream.end();
        }
    }

    private void poll() {
        if (subscribers.isEmpty()) {
            last = null;
            return;
        }
        List<RoomSnapshot> now = snapshots();
        if (!now.equals(last)) {
            last = now;
            broadcast(event(view(now)));
        } else if (System.nanoTime() - lastSent > HEARTBEAT.toNanos()) {
            broadcast(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void broadcast(byte[] event) {
        lastSent = System.nanoTime();
        for (EventStream stream : subscribers) {
            stream.send(event);
        }
    }

    private List<RoomSnapshot> snapshots() {
        List<RoomSnapshot> all = new ArrayList<>(rooms.snapshots());
        all.sort(Comparator.comparing(RoomSnapshot::startsAt).thenComparing(RoomSnapshot::sessionId));
        return all;
    }

    private LiveView view(List<RoomSnapshot> snapshots) {
        return LiveView.of(clock.instant(), snapshots, therapists);
    }

    /** One SSE event; compact JSON has no newlines, so one {@code data:} line holds it. */
    private byte[] event(LiveView view) {
        String data = new String(json.write(view), StandardCharsets.UTF_8);
        return ("event: sessions\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
