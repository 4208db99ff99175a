package org.alcove.server.security;

import org.alcove.server.testing.SignalingClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The suite's witness must be able to fail, or every "undisturbed" check would be hollow. */
@Adversarial
class BystanderIT {
    @Test
    void a_quiet_bystander_call_passes_its_check_repeatedly() {
        try (Arena arena = Arena.start()) {
            arena.bystander().assertUndisturbed();
            arena.bystander().assertUndisturbed();
        }
    }

    @Test
    void the_check_fails_when_a_participant_of_the_bystander_call_is_told_something_else() {
        try (Arena arena = Arena.start()) {
            // An error on the bystander's own socket (here: its own bad message) must fail the check.
            arena.bystander().sendRawFromClient("{\"type\":\"nonsense\"}");
            assertThrows(AssertionError.class, () -> arena.bystander().assertUndisturbed());
        }
    }

    @Test
    void the_check_fails_when_anyone_else_so_much_as_waits_in_the_bystander_session() {
        try (Arena arena = Arena.start();
             SignalingClient stranger = SignalingClient.join(arena.uri(), arena.bystander().spareClientTokenForTest())) {
            stranger.nextOfType("welcome", Arena.WAIT);
            assertThrows(AssertionError.class, () -> arena.bystander().assertUndisturbed());
        }
    }

    @Test
    void the_check_fails_when_the_bystander_call_lost_a_participant() {
        try (Arena arena = Arena.start()) {
            arena.bystander().dropClientForTest();
            assertThrows(AssertionError.class, () -> arena.bystander().assertUndisturbed());
        }
    }
}
