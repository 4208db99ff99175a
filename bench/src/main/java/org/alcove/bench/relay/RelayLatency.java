package org.alcove.bench.relay;

import org.alcove.bench.client.Api;
import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.client.Sockets;
import org.alcove.bench.report.Median;
import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;
import org.alcove.bench.scenario.Practice;
import org.alcove.bench.scenario.Run;
import org.alcove.bench.scenario.Scenario;
import org.alcove.bench.stats.Latencies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1: one admitted pair ping-pongs ~300-byte SDP-like offers and answers through Alcove,
 * against the same rounds through the echo server (see {@link PingPong}). Runs alternate between
 * the two servers so that noise from the shared machine falls on both.
 */
public final class RelayLatency implements Scenario {
    public static final int MESSAGE_BYTES = 300;
    private static final Duration SETUP = Duration.ofSeconds(10);
    private static final long MAX_RUN_MILLIS = 60_000;

    @Override
    public String name() {
        return "relay-latency";
    }

    @Override
    public void run(Run run) {
        Sockets sockets = run.sockets();
        run.progress("starting Alcove and the echo server");
        Practice practice = run.practice();
        Api.Booking booking = practice.book(1);
        BenchSocket therapist = sockets.connect(practice.uri());
        BenchSocket client = sockets.connect(practice.uri());
        BenchSocket echoA = sockets.connect(run.echo().uri());
        BenchSocket echoB = sockets.connect(run.echo().uri());
        try {
            String therapistId = joinAdmitted(therapist, client, booking);
            String clientId = booking.clientIds().get(0);
            String offer = Messages.negotiation("offer", clientId, 1, 0, MESSAGE_BYTES);
            String answer = Messages.negotiation("answer", therapistId, 1, 0, MESSAGE_BYTES);
            PingPong relay = new PingPong(therapist, client, offer, answer);
            PingPong echo = new PingPong(echoA, echoB, offer, answer);

            long warmup = run.scaled(20_000, 2_000);
            long rounds = run.scaled(10_000, 1_000);
            run.progress("warming up");
            relay.run(warmup, MAX_RUN_MILLIS, new Latencies());
            echo.run(warmup, MAX_RUN_MILLIS, new Latencies());
            run.progress("measuring");
            List<Double> relayP50 = new ArrayList<>();
            List<Double> relayP99 = new ArrayList<>();
            List<Double> echoP50 = new ArrayList<>();
            List<Double> echoP99 = new ArrayList<>();
            List<Double> relayCpu = new ArrayList<>();
            List<Double> echoCpu = new ArrayList<>();
            for (int i = 0; i < run.runs(); i++) {
                Latencies alcove = new Latencies();
                long cpuBefore = practice.server().process().cpuNanos();
                long done = relay.run(rounds, MAX_RUN_MILLIS, alcove);
                relayCpu.add((practice.server().process().cpuNanos() - cpuBefore) / 1e3 / (2.0 * done));
                relayP50.add(alcove.micros(50));
                relayP99.add(alcove.micros(99));
                Latencies bare = new Latencies();
                cpuBefore = run.echo().process().cpuNanos();
                done = echo.run(rounds, MAX_RUN_MILLIS, bare);
                echoCpu.add((run.echo().process().cpuNanos() - cpuBefore) / 1e3 / (2.0 * done));
                echoP50.add(bare.micros(50));
                echoP99.add(bare.micros(99));
            }
            String note = "a round is offer + answer of " + MESSAGE_BYTES + " B through the server "
                    + "(two server passes); the baseline is the same two messages through the echo server; "
                    + rounds + " rounds per run after " + warmup + " warm-up rounds";
            run.report().add(new Row("1 relay latency", "round trip p50", "µs", Median.of(relayP50), Median.of(echoP50),
                    Target.atMost(1.2), run.runs(), note));
            run.report().add(new Row("1 relay latency", "round trip p99", "µs", Median.of(relayP99), Median.of(echoP99),
                    Target.atMost(1.5), run.runs(), null));
            run.report().add(new Row("1 relay latency", "server CPU per message", "µs", Median.of(relayCpu),
                    Median.of(echoCpu), null, run.runs(), "CPU time of the server process (all threads, pings and "
                    + "timers included) over the messages it passed on: what one relayed message costs a core"));
        } finally {
            therapist.close();
            client.close();
            echoA.close();
            echoB.close();
        }
    }

    /** Therapist and client join; the therapist admits the client. Returns the therapist's participant id. */
    static String joinAdmitted(BenchSocket therapist, BenchSocket client, Api.Booking booking) {
        therapist.send(Messages.auth(booking.therapistToken()));
        String therapistId = therapist.nextOfType("welcome", SETUP).path("participantId").asText();
        client.send(Messages.auth(booking.clientTokens().get(0)));
        client.nextOfType("welcome", SETUP);
        therapist.send(Messages.admit(booking.clientIds().get(0)));
        client.nextOfType("roster", SETUP);
        therapist.nextOfType("peer-joined", SETUP);
        // The room tells the therapist the waiting room emptied right after peer-joined; taken
        // here, it cannot reach a measurement's handler as an unexpected message.
        therapist.nextOfType("waiting-list", SETUP);
        return therapistId;
    }
}
