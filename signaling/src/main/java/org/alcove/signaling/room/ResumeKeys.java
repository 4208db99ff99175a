package org.alcove.signaling.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable resume keys: 192 random bits, URL-safe base64 without padding (32 characters). */
final class ResumeKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResumeKeys() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison, so response timing does not reveal how much of a key was right. */
    static boolean matches(String expected, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
