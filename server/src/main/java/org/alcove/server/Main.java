package org.alcove.server;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigException;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.ops.LogOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code alcove serve [--port N] [--data DIR] [--demo]}: starts the server until the process is stopped. */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: alcove serve [--port N] [--data DIR] [--demo]",
            "  --port N     HTTP port (default 8080; 0 picks a free port)",
            "  --data DIR   data directory for the database and signing key (default ./data)",
            "  --demo       create a demo therapist and a session starting now, and print its links",
            "  --help       show this help",
            "Every setting can also be set by an ALCOVE_... environment variable (see README).",
            "",
            "HTTPS: set ALCOVE_HTTP_TLS_KEYSTORE to a PKCS12 (or JKS) keystore holding the certificate",
            "and its key, and ALCOVE_HTTP_TLS_KEYSTORE_PASSWORD (ALCOVE_HTTP_TLS_KEY_ALIAS if it holds",
            "several keys). The port then serves HTTPS only (TLS 1.2+, HSTS, Secure cookie, wss).",
            "  Self-signed, for localhost:",
            "    keytool -genkeypair -alias alcove -keyalg RSA -keysize 2048 -validity 365 -dname CN=localhost \\",
            "      -ext SAN=dns:localhost,ip:127.0.0.1 -storetype PKCS12 -keystore alcove.p12 -storepass changeit",
            "  From a CA's PEM files (e.g. Let's Encrypt):",
            "    openssl pkcs12 -export -in fullchain.pem -inkey privkey.pem -name alcove \\",
            "      -out alcove.p12 -passout pass:changeit",
            "Behind a proxy that terminates TLS, leave these empty and set ALCOVE_HTTP_PUBLIC_URL=https://...");

    /** Bad command line: print usage, exit 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private Main() {
    }

    /** A launched server and the settings it runs with (for the shutdown hook's bound). */
    private record Launched(Server server, AlcoveConfig config) {
    }

    public static void main(String[] args) {
        Launched launched;
        try {
            launched = start(args, System.getenv(), System.out);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("alcove: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        } catch (ConfigException e) {
            System.err.println("alcove: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("alcove: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> shutdown(launched.server(), launched.config().ops().shutdownTimeout()), "alcove-shutdown"));
    }

    /**
     * SIGTERM (or SIGINT): drain and stop, bounded by {@code ops.shutdown-timeout}. The JVM then
     * exits with 143 (128 + SIGTERM), as after any signal; past the timeout it halts with 1.
     */
    private static void shutdown(Server server, Duration timeout) {
        Logger log = LoggerFactory.getLogger(Main.class);
        Thread stopping = new Thread(() -> {
            try {
                server.shutdown();
            } catch (Exception e) {
                log.error("error while stopping: {}", e.getClass().getSimpleName());
            }
        }, "alcove-stop");
        stopping.start();
        try {
            stopping.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.error("shutdown did not finish within {}; halting", timeout);
            Runtime.getRuntime().halt(1);
        }
    }

    /**
     * Parses the flags, starts the server, creates the first admin (and the demo, if asked) and
     * prints what the operator needs to {@code out}. {@code --help} is a UsageException with an
     * empty message.
     */
    public static Server launch(String[] args, Map<String, String> env, PrintStream out) throws Exception {
        return start(args, env, out).server();
    }

    private static Launched start(String[] args, Map<String, String> env, PrintStream out) throws Exception {
        Map<String, String> overrides = new HashMap<>();
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> overrides.put("http.port", value(args, ++i, "--port"));
                case "--data" -> overrides.put("store.data-dir", value(args, ++i, "--data"));
                case "--demo" -> demo = true;
                case "--help", "-h" -> throw new UsageException("");
                default -> throw new UsageException("unknown option " + args[i]);
            }
        }
        // The documented short names for the first admin, next to the generic ALCOVE_AUTH_... ones.
        aliasEnv(env, overrides, "ALCOVE_ADMIN_EMAIL", "auth.admin-email");
        aliasEnv(env, overrides, "ALCOVE_ADMIN_PASSWORD", "auth.admin-password");
        AlcoveConfig config = ConfigLoader.load(env, overrides);
        LogOutput.use(config.ops().logFormat());

        Server server = new Server(config, Clock.systemUTC());
        Services services = server.start();
        try {
            Bootstrap.createAdminIfNone(services, out);
            if (demo) {
                Bootstrap.demo(services, out);
            }
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        out.println("Alcove listening on " + server.publicUrl());
        return new Launched(server, config);
    }

    private static String value(String[] args, int index, String flag) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args[index];
    }

    private static void aliasEnv(Map<String, String> env, Map<String, String> overrides, String alias, String key) {
        String value = env.get(alias);
        if (value != null && !value.isBlank() && !env.containsKey(ConfigLoader.envName(key))) {
            overrides.put(key, value);
        }
    }
}
