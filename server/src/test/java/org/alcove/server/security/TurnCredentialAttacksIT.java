package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.ops.LogCapture;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the TURN relay's credentials: getting one without being admitted, and finding the
 * shared secret or someone's credential where it must never be. The server is configured with a
 * TURN URL and secret (the relay itself is not needed: only what the server hands out is tested;
 * TurnRelayIT and RelayedCallIT use a real one).
 */
@Adversarial
class TurnCredentialAttacksIT {
    private static final String SECRET = "turn-shared-secret-do-not-leak-5e1f";
    private static final Map<String, String> TURN = Map.of("ice.turn-urls", "turn:127.0.0.1:3478?transport=udp",
            "ice.turn-secret", SECRET, "ice.relay-only", "true");

    /** A forwarded link waits, is declined and tries again: it never holds a TURN credential; the call stays undisturbed. */
    @Test
    void a_link_the_therapist_never_admits_never_receives_a_turn_credential() {
        try (Arena arena = Arena.start(TURN)) {
            BookedSession booking = arena.book(1);
            try (SignalingClient therapist = SignalingClient.join(arena.uri(), booking.therapistToken());
                 SignalingClient stranger = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
                therapist.nextOfType("welcome", Arena.WAIT);
                assertTrue(therapist.nextOfType("roster", Arena.WAIT).path("iceServers").get(0).has("credential"),
                        "the admitted therapist does get one");
                stranger.nextOfType("welcome", Arena.WAIT);
                therapist.nextOfType("waiting-list", Arena.WAIT);
                // Asking for the call's configuration by sending what a joined participant might.
                stranger.send(new ClientMessage.Offer(booking.therapistId(), "v=0\r\n"));
                stranger.nextOfType("error", Arena.WAIT);
                therapist.send(new ClientMessage.Decline(booking.clientId(0)));
                stranger.awaitClose(Arena.WAIT);
                assertHoldsNoCredential(stranger);
            }
            try (SignalingClient again = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
                assertEquals("declined", again.nextOfType("error", Arena.WAIT).path("code").asText());
                assertHoldsNoCredential(again);
            }
            arena.bystander().assertUndisturbed();
        }
    }

    /** After a full call, the TURN secret and the credentials handed out are in no log line and no file under the data dir. */
    @Test
    void the_turn_secret_and_handed_out_credentials_appear_in_no_log_line_or_stored_file() throws Exception {
        List<String> credentials = new ArrayList<>();
        try (LogCapture json = LogCapture.json(); LogCapture text = LogCapture.text()) {
            try (Arena arena = Arena.start(TURN)) {
                BookedSession booking = arena.book(1);
                try (Arena.Call call = arena.admitted(booking, 0)) {
                    for (SignalingClient socket : List.of(call.therapist(), call.client())) {
                        for (JsonNode message : socket.received()) {
                            if (message.path("type").asText().equals("roster")) {
                                credentials.add(message.path("iceServers").get(0).path("credential").asText());
                            }
                        }
                    }
                    call.client().send(new ClientMessage.Leave());
                    call.client().awaitClose(Arena.WAIT);
                }
                assertEquals(2, credentials.size(), "both participants got a credential");
                List<String> secrets = new ArrayList<>(credentials);
                secrets.add(SECRET);
                assertInNoFile(arena.testServer().dataDir(), secrets);
                for (String line : json.lines()) {
                    secrets.forEach(secret -> assertFalse(line.contains(secret), "a JSON log line leaks: " + line));
                }
                for (String line : text.lines()) {
                    secrets.forEach(secret -> assertFalse(line.contains(secret), "a log line leaks: " + line));
                }
                assertFalse(arena.testServer().config().toString().contains(SECRET), "the printed configuration shows the secret");
                arena.bystander().assertUndisturbed();
            }
        }
    }

    private static void assertHoldsNoCredential(SignalingClient socket) {
        String everything = socket.received().toString();
        assertFalse(everything.contains("iceServers") || everything.contains("credential") || everything.contains("turn:"),
                "a client never admitted was given TURN details: " + everything);
    }

    private static void assertInNoFile(Path dir, List<String> secrets) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(content.contains(secret), file + " holds a TURN secret or credential");
                }
            }
        }
    }
}
