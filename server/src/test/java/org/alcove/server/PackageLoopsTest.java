package org.alcove.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's packages form no loop: the compiled classes' dependencies, as the JDK's
 * {@code jdeps} reads them from {@code target/classes} (so imports, field types, calls and
 * constants inlined at compile time as far as the class files keep them), between
 * {@code org.alcove.server.*} packages, have no cycle. The root package ({@link Server},
 * {@link Main}: the wiring) may depend on every package; nothing may depend on it.
 */
class PackageLoopsTest {
    private static final String ROOT = "org.alcove.server";
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    /** package → package → the class-level arrows behind it, e.g. {@code UserRoutes -> Authenticator}. */
    private static Map<String, Map<String, Set<String>>> graph;

    @BeforeAll
    static void read_the_compiled_classes() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("org/alcove/server")), "run after compile: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:class", "-filter:package", "-e", "org\\.alcove\\.server\\..*", classes.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (!edge.find()) {
                continue;
            }
            String from = edge.group(1);
            String to = edge.group(2);
            if (!to.startsWith(ROOT + ".")) {
                continue;
            }
            graph.computeIfAbsent(packageOf(from), p -> new TreeMap<>())
                    .computeIfAbsent(packageOf(to), p -> new TreeSet<>())
                    .add(simpleName(from) + " -> " + simpleName(to));
        }
        assertTrue(graph.size() > 5, "jdeps found too few server packages to be believed: " + graph.keySet());
    }

    @Test
    void no_package_depends_on_the_root_package() {
        List<String> arrows = new ArrayList<>();
        graph.forEach((from, targets) -> {
            if (!from.equals(ROOT) && targets.containsKey(ROOT)) {
                arrows.add(from + " -> " + ROOT + " " + targets.get(ROOT));
            }
        });
        assertTrue(arrows.isEmpty(), "only the wiring in " + ROOT + " may know the whole server: " + arrows);
    }

    @Test
    void no_loop_between_server_packages() {
        List<String> loops = new ArrayList<>();
        for (Set<String> component : stronglyConnected()) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder loop = new StringBuilder("loop " + component + ":");
            for (String from : component) {
                graph.getOrDefault(from, Map.of()).forEach((to, why) -> {
                    if (component.contains(to)) {
                        loop.append("\n  ").append(from).append(" -> ").append(to).append(" ").append(why);
                    }
                });
            }
            loops.add(loop.toString());
        }
        assertTrue(loops.isEmpty(), String.join("\n", loops));
    }

    /** Tarjan's algorithm: every set of packages that reach each other. */
    private static List<Set<String>> stronglyConnected() {
        Set<String> nodes = new TreeSet<>(graph.keySet());
        graph.values().forEach(targets -> nodes.addAll(targets.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> components = new ArrayList<>();
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                visit(node, index, low, stack, components);
            }
        }
        return components;
    }

    private static void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                              List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                visit(next, index, low, stack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
