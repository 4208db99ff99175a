package org.alcove.server.ws;

import org.alcove.signaling.protocol.CloseCode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

class SocketWriterTest {

    /** A session that records writes and lets the test complete them. */
    private static final class FakeSession {
        final Session session = mock(Session.class);
        final List<String> written = new ArrayList<>();
        final List<Callback> pending = new ArrayList<>();
        final AtomicBoolean completeImmediately = new AtomicBoolean();

        FakeSession() {
            doAnswer(call -> {
                written.add(call.getArgument(0));
                Callback callback = call.getArgument(1);
                if (completeImmediately.get()) {
                    callback.succeed();
                } else {
                    pending.add(callback);
                }
                return null;
            }).when(session).sendText(anyString(), any(Callback.class));
            doAnswer(call -> {
                written.add("close " + call.getArgument(0) + " " + call.getArgument(1));
                pending.add(call.getArgument(2));
                return null;
            }).when(session).close(anyInt(), anyString(), any(Callback.class));
        }

        void completeNext() {
            pending.remove(0).succeed();
        }
    }

    @Test
    void writes_one_message_at_a_time_in_order() {
        FakeSession fake = new FakeSession();
        SocketWriter writer = new SocketWriter(fake.session, 10);

        writer.offer("a");
        writer.offer("b");
        writer.offer("c");
        assertEquals(List.of("a"), fake.written);

        fake.completeNext();
        assertEquals(List.of("a", "b"), fake.written);
        fake.completeNext();
        fake.completeNext();
        assertEquals(List.of("a", "b", "c"), fake.written);
    }

    @Test
    void closes_only_after_everything_queued_before_and_drops_what_comes_after() {
        FakeSession fake = new FakeSession();
        SocketWriter writer = new SocketWriter(fake.session, 10);

        writer.offer("error");
        writer.close(CloseCode.DECLINED);
        writer.offer("too late");
        assertEquals(List.of("error"), fake.written);

        fake.completeNext();
        assertEquals(List.of("error", "close 4008 declined"), fake.written);
        assertTrue(writer.closing());
    }

    @Test
    void refuses_a_message_when_the_queue_is_full() {
        FakeSession fake = new FakeSession();
        SocketWriter writer = new SocketWriter(fake.session, 2);

        assertTrue(writer.offer("in flight"));
        assertTrue(writer.offer("queued 1"));
        assertTrue(writer.offer("queued 2"));
        assertFalse(writer.offer("one too many"));
    }

    @Test
    void abandon_drops_the_backlog_and_writes_only_the_last_words_and_the_close() {
        FakeSession fake = new FakeSession();
        SocketWriter writer = new SocketWriter(fake.session, 2);
        writer.offer("in flight");
        writer.offer("stale 1");
        writer.offer("stale 2");

        writer.abandon("slow-consumer", CloseCode.SLOW_CONSUMER);
        fake.completeNext();
        fake.completeNext();

        assertEquals(List.of("in flight", "slow-consumer", "close 4012 slow-consumer"), fake.written);
    }

    @Test
    void a_write_still_pending_after_the_timeout_counts_as_stalled() {
        FakeSession fake = new FakeSession();
        SocketWriter writer = new SocketWriter(fake.session, 2);
        long timeout = 1_000_000_000L;

        assertFalse(writer.stalled(System.nanoTime() + 2 * timeout, timeout), "idle is not stalled");
        writer.offer("slow");
        assertFalse(writer.stalled(System.nanoTime(), timeout));
        assertTrue(writer.stalled(System.nanoTime() + 2 * timeout, timeout));

        fake.completeNext();
        assertFalse(writer.stalled(System.nanoTime() + 2 * timeout, timeout));
    }

    @Test
    void synchronous_completions_drain_a_long_backlog_without_recursion() {
        FakeSession fake = new FakeSession();
        int backlog = 50_000;
        SocketWriter writer = new SocketWriter(fake.session, backlog);
        writer.offer("first");
        for (int i = 0; i < backlog; i++) {
            writer.offer("m" + i);
        }
        fake.completeImmediately.set(true);

        fake.completeNext();

        assertEquals(backlog + 1, fake.written.size());
        assertEquals("m" + (backlog - 1), fake.written.get(backlog));
    }

    @Test
    void a_failed_write_stops_all_further_writes() {
        FakeSession fake = new FakeSession();
        SocketWriter writer = new SocketWriter(fake.session, 10);
        writer.offer("a");
        writer.offer("b");

        fake.pending.remove(0).fail(new java.io.IOException("reset"));
        writer.offer("c");

        assertEquals(List.of("a"), fake.written);
        assertTrue(writer.closing());
    }
}
