package org.alcove.bench.proc;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the two servers under test the same way: Alcove from its built jar (with its
 * {@code lib/} beside it), the echo baseline from the bench jar's classpath; both on a fresh
 * loopback port, with the same JVM options, pinned to the server CPU. Alcove starts as
 * {@code ./alcove serve} starts it: with the class archive the launcher made beside the jar
 * ({@value #CLASS_ARCHIVE}, AppCDS) when there is one. The echo server never has one.
 *
 * @param serverJar   {@code server/target/alcove-server.jar}
 * @param benchClasspath the harness's own classpath (the echo server's main lives there)
 * @param jvmOptions  from {@code ALCOVE_JAVA_OPTS}, for both
 */
public record Launcher(Path serverJar, String benchClasspath, List<String> jvmOptions, Pinning pinning, Path runDir) {
    /** What the echo server prints once it accepts connections. */
    public static final String ECHO_READY = "echo listening on ";
    /** What Alcove's Main prints once it accepts connections. */
    public static final String ALCOVE_READY = "Alcove listening on ";
    private static final long START_TIMEOUT_MILLIS = 60_000;
    /** The AppCDS archive {@code ./alcove} writes beside the server jar (see its archive_classes). */
    public static final String CLASS_ARCHIVE = "alcove.jsa";
    private static final String LOAD_GENERATOR_MAIN = "org.alcove.bench.idle.LoadGenerator";
    /**
     * A few thousand client sockets need little heap; small stacks because each client keeps a
     * thread pool; the client compiler only, which starts faster and is plenty for pings.
     */
    private static final List<String> LOAD_GENERATOR_JVM = List.of("-Xmx512m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** A started server: its process and where to reach it. */
    public record Started(JavaProcess process, URI uri) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    /** Starts Alcove on {@code dataDir} (a fresh one, or one a previous start prepared) and waits until it listens. */
    public Started alcove(String name, Path dataDir, Map<String, String> environment) {
        try {
            return ready(startAlcove(name, dataDir, FreePort.pick(), environment), ALCOVE_READY);
        } catch (IllegalStateException portTaken) {
            // The free port may have been taken between picking and binding: one more try on another.
            return ready(startAlcove(name + "-retry", dataDir, FreePort.pick(), environment), ALCOVE_READY);
        }
    }

    /** Starts Alcove without waiting: for the cold start, which polls the socket instead. */
    public JavaProcess startAlcove(String name, Path dataDir, int port, Map<String, String> environment) {
        return startAlcove(name, dataDir, port, environment, true);
    }

    /** As above; {@code withArchive} false starts it without the class archive even when there is one. */
    public JavaProcess startAlcove(String name, Path dataDir, int port, Map<String, String> environment,
                                   boolean withArchive) {
        List<String> arguments = new ArrayList<>();
        if (withArchive) {
            classArchive().ifPresent(archive -> arguments.add("-XX:SharedArchiveFile=" + archive));
        }
        arguments.addAll(List.of("-jar", serverJar.toString(), "--port", Integer.toString(port),
                "--data", dataDir.toString()));
        return JavaProcess.start(name, pinning, jvmOptions, arguments, environment, runDir);
    }

    /** The server's class archive, when the launcher has made one for the current jar. */
    public Optional<Path> classArchive() {
        Path archive = serverJar.resolveSibling(CLASS_ARCHIVE);
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(serverJar)) > 0
                    ? Optional.of(archive) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Started echo(String name) {
        try {
            return ready(startEcho(name, FreePort.pick()), ECHO_READY);
        } catch (IllegalStateException portTaken) {
            return ready(startEcho(name + "-retry", FreePort.pick()), ECHO_READY);
        }
    }

    public JavaProcess startEcho(String name, int port) {
        return JavaProcess.start(name, pinning, jvmOptions,
                List.of("-cp", benchClasspath, "org.alcove.bench.echo.EchoServer", Integer.toString(port)),
                Map.of(), runDir);
    }

    /**
     * Starts a load-generator process ({@code org.alcove.bench.idle.LoadGenerator} with
     * {@code arguments}) from the bench classpath, pinned to the load CPU with the harness's side
     * of the machine. Its own small heap, not {@code ALCOVE_JAVA_OPTS}: those are for the servers.
     */
    public JavaProcess loadGenerator(String name, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("-cp", benchClasspath, LOAD_GENERATOR_MAIN));
        command.addAll(arguments);
        return JavaProcess.start(name, pinning.loadPrefix(), LOAD_GENERATOR_JVM, command, Map.of(), runDir);
    }

    /** A free loopback port for a server about to start. */
    public int freePort() {
        return FreePort.pick();
    }

    private static Started ready(JavaProcess process, String prefix) {
        try {
            String line = process.awaitLine(prefix, START_TIMEOUT_MILLIS);
            // Alcove prints its public URL (localhost); the load always goes to 127.0.0.1.
            URI printed = URI.create(line.substring(prefix.length()).trim());
            return new Started(process, URI.create("http://127.0.0.1:" + printed.getPort()));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }
}
