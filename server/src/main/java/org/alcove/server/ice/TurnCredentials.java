package org.alcove.server.ice;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * Time-limited TURN credentials of the TURN REST API (draft-uberti-behave-turn-rest, coturn's
 * {@code use-auth-secret}): user name {@code <expiry unix seconds>:<participant id>}, password
 * Base64(HMAC-SHA1(secret, user name)). The TURN server recomputes the password from the shared
 * secret and refuses the user name once its expiry has passed, so nothing is stored or looked up.
 */
final class TurnCredentials {
    private static final String ALGORITHM = "HmacSHA1";

    /** A user name and password for one participant; never logged (see {@link #toString()}). */
    record Credential(String username, String password) {
        @Override
        public String toString() {
            return "Credential[redacted]";
        }
    }

    private final SecretKeySpec key;

    TurnCredentials(String secret) {
        // coturn uses the secret's bytes as the HMAC key, exactly as configured.
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    Credential issue(String participantId, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + participantId;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
            return new Credential(username, Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            // HmacSHA1 is a JDK-mandated algorithm: this cannot happen on a conforming JVM.
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
