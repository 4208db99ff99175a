package org.alcove.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class-archive training run really starts, restarts and joins (it throws on any failed step). */
class TrainingRunIT {
    @TempDir
    Path data;

    @Test
    void starts_restarts_and_gets_a_welcome_for_the_therapists_join() {
        assertDoesNotThrow(() -> TrainingRun.train(data));
        // Both starts ran on the scratch directory: the real database and signing key are there.
        assertTrue(Files.exists(data.resolve("signing.key")));
        assertTrue(Files.exists(data.resolve("alcove.mv.db")));
    }
}
