package org.alcove.server.store;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque, unguessable identifiers: 16 random bytes in unpadded base64url behind a short type
 * prefix ({@code s_} session, {@code p_} participant, {@code u_} user, {@code t_} token id).
 * Never sequential, so an id reveals neither counts nor order.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    public static String session() {
        return random("s_");
    }

    public static String participant() {
        return random("p_");
    }

    public static String user() {
        return random("u_");
    }

    public static String token() {
        return random("t_");
    }

    private static String random(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + ENCODER.encodeToString(bytes);
    }
}
