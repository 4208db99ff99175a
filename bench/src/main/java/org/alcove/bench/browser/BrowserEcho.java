package org.alcove.bench.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import java.net.URI;
import java.util.List;

/**
 * The baseline for a relayed signalling message: a page's WebSocket round trip through the bare
 * Jetty echo server, with a message of an offer's size. A relay goes page, socket, server,
 * socket, page, and so does this round trip, through the same browser's network stack, without
 * anything Alcove does in between (auth, JSON, rooms, the other participant's socket).
 */
public final class BrowserEcho {
    /** About the size of the SDP offers the pages send; the relay latency scenario uses 300 B. */
    private static final int MESSAGE_CHARS = 300;
    private static final double TIMEOUT_MS = 20_000;

    private static final String ROUND_TRIPS = """
            async ([url, size, warmUp, count]) => {
              const socket = new WebSocket(url);
              await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
              const message = 'x'.repeat(size);
              const times = [];
              for (let i = 0; i < warmUp + count; i++) {
                const sent = performance.now();
                await new Promise((resolve) => { socket.onmessage = resolve; socket.send(message); });
                if (i >= warmUp) times.push(performance.now() - sent);
              }
              socket.close();
              return times;
            }""";

    private BrowserEcho() {
    }

    /** {@code count} round trips in milliseconds, after {@code warmUp} discarded ones. */
    public static List<Double> roundTrips(Chromium chromium, URI echo, int warmUp, int count) {
        BrowserContext context = chromium.newBlankContext();
        try {
            Page page = context.newPage();
            page.setDefaultTimeout(TIMEOUT_MS);
            String url = "ws://" + echo.getHost() + ":" + echo.getPort() + "/ws";
            Object times = page.evaluate(ROUND_TRIPS, List.of(url, MESSAGE_CHARS, warmUp, count));
            return ((List<?>) times).stream().map(t -> ((Number) t).doubleValue()).toList();
        } finally {
            context.close();
        }
    }
}
