package org.alcove.bench.idle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A load-generator process of the idle-capacity scenario, started by the harness:
 * <pre>
 * LoadGenerator --server http://127.0.0.1:PORT --target alcove|echo [--seats FILE]
 *               --bind 127.0.0.10,127.0.0.11 --ping-millis 10000 --concurrency 8 --max-seconds 900
 * </pre>
 * It prints {@code ready}, then obeys one command per stdin line and answers on stdout:
 * {@code hold ID N SECONDS} connects until N participants are held (at most SECONDS) and prints
 * {@code held ID <held> <failed> <millis> <first error or ->}; {@code stats ID} prints
 * {@code stats ID <open> <pings> <replies>}; {@code quit} or the end of stdin closes every
 * socket and exits. Whatever happens it halts after {@code --max-seconds}, so a harness that
 * died cannot leave it running.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        watchdog(options.maxSeconds());
        List<Seat> seats = options.target() == HeldSockets.Target.ALCOVE ? Seat.read(options.seats()) : List.of();
        try (HeldSockets sockets = new HeldSockets(options.target(), options.server(), seats, options.binds(),
                options.pingMillis(), options.concurrency())) {
            say("ready");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "hold" -> {
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(words[3]));
                        HeldSockets.Growth growth = sockets.growTo(Integer.parseInt(words[2]), deadline);
                        say("held " + words[1] + " " + growth.held() + " " + growth.failed() + " " + growth.millis()
                                + " " + (growth.firstError() == null ? "-" : growth.firstError().replace('\n', ' ')));
                    }
                    case "stats" -> {
                        HeldSockets.Stats stats = sockets.stats();
                        say("stats " + words[1] + " " + stats.open() + " " + stats.pings() + " " + stats.replies());
                    }
                    case "quit" -> {
                        return;
                    }
                    default -> say("unknown command " + words[0]);
                }
            }
        } finally {
            say("bye");
        }
    }

    /** The command line, checked. */
    record Options(URI server, HeldSockets.Target target, Path seats, List<InetAddress> binds, long pingMillis,
                   int concurrency, long maxSeconds) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected an option, got " + args[i]);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            HeldSockets.Target target = HeldSockets.Target.valueOf(required(values, "target").toUpperCase(Locale.ROOT));
            Path seats = target == HeldSockets.Target.ALCOVE ? Path.of(required(values, "seats")) : null;
            List<InetAddress> binds = new ArrayList<>();
            for (String address : required(values, "bind").split(",")) {
                binds.add(loopback(address));
            }
            return new Options(URI.create(required(values, "server")), target, seats, binds,
                    Long.parseLong(values.getOrDefault("ping-millis", "10000")),
                    Integer.parseInt(values.getOrDefault("concurrency", "8")),
                    Long.parseLong(required(values, "max-seconds")));
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return value;
        }

        /** Load comes only from loopback: anything else is refused. */
        private static InetAddress loopback(String address) {
            try {
                InetAddress parsed = InetAddress.getByName(address);
                if (!parsed.isLoopbackAddress()) {
                    throw new IllegalArgumentException(address + " is not a loopback address");
                }
                return parsed;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + address, e);
            }
        }
    }

    private static void watchdog(long maxSeconds) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
            } catch (InterruptedException e) {
                return;
            }
            say("expired after " + maxSeconds + " s");
            Runtime.getRuntime().halt(3);
        }, "load-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
