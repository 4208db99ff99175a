package org.alcove.server.security;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One {@link Arena} for a whole test class, and the suite's second assertion after every test:
 * the bystander call is undisturbed. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ArenaExtension ARENA = new ArenaExtension();
 * }</pre>
 */
final class ArenaExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final Map<String, String> overrides;
    private Arena arena;

    ArenaExtension() {
        this(Map.of());
    }

    /** @param overrides settings by defaults-file key, as {@link Arena#start(Map)} takes them */
    ArenaExtension(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    Arena arena() {
        return arena;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        arena = Arena.start(overrides);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // A test that already failed keeps its own failure; the bystander check would only add noise.
        if (context.getExecutionException().isEmpty()) {
            arena.bystander().assertUndisturbed();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (arena != null) {
            arena.close();
        }
    }
}
