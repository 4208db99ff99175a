package org.alcove.server.security;

import org.alcove.server.testing.LiveStage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.net.ssl.SSLContext;
import java.util.Map;

/**
 * Where an attack happens: the {@link LiveStage} (one real server, a therapist account, sessions
 * booked through the HTTP API) with a {@link Bystander} call already running on it, and the
 * suite's second assertion after every test: the bystander call is undisturbed. Register it as a
 * static field, or open one for a test that needs its own server with {@link #start(Map)}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Arena ARENA = new Arena();
 * }</pre>
 */
final class Arena extends LiveStage implements AfterEachCallback {
    static final int BYSTANDER_MINUTES = 240;

    private Bystander bystander;

    Arena() {
        this(Map.of());
    }

    /** @param overrides settings by defaults-file key, as {@link LiveStage#LiveStage(Map)} takes them */
    Arena(Map<String, String> overrides) {
        this(overrides, null);
    }

    /** An arena on a server whose clients trust {@code trust} (an HTTPS server). */
    Arena(Map<String, String> overrides, SSLContext trust) {
        super(overrides, trust);
    }

    static Arena start() {
        return start(Map.of());
    }

    /** An arena started now, for one test; close it (try-with-resources). */
    static Arena start(Map<String, String> overrides) {
        return start(overrides, null);
    }

    static Arena start(Map<String, String> overrides, SSLContext trust) {
        Arena arena = new Arena(overrides, trust);
        arena.launch();
        return arena;
    }

    @Override
    protected void started() {
        // The bystander has its own therapist, so nothing an attack does to this one touches it.
        String bystanderTherapist = api().newTherapist(newAccountEmail("bystander"));
        // Booked long, so tests that move the clock through another session's end do not end it.
        bystander = Bystander.start(this, book(bystanderTherapist, now(), BYSTANDER_MINUTES, 2),
                testServer().config().socket().ratePerSecond());
    }

    /** The legitimate call running alongside every attack. */
    Bystander bystander() {
        return bystander;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // A test that already failed keeps its own failure; the bystander check would only add noise.
        if (context.getExecutionException().isEmpty()) {
            bystander.assertUndisturbed();
        }
    }

    @Override
    public void close() {
        try {
            if (bystander != null) {
                bystander.close();
            }
        } finally {
            super.close();
        }
    }
}
