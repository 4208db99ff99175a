package org.alcove.server.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2-HMAC-SHA256 password hashes from the JDK, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the iteration count can rise later without
 * breaking existing accounts.
 */
public final class Passwords {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    // Checked against when the email is unknown, so that path costs one hash like a wrong password.
    // A random salt and random "hash" in the stored format: matching it runs the same PBKDF2 as a
    // real check, yet no password produces it, and building it costs nothing at start (hashing a
    // decoy password here was a quarter of the server's cold start).
    private final String decoy;

    public Passwords(int iterations) {
        this.iterations = iterations;
        this.decoy = format(iterations, randomBytes(SALT_BYTES), randomBytes(HASH_BITS / 8));
    }

    public String hash(String password) {
        byte[] salt = randomBytes(SALT_BYTES);
        return format(iterations, salt, pbkdf2(password, salt, iterations));
    }

    private static String format(int rounds, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + rounds + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Constant-time check; a malformed stored hash simply does not match. */
    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the same work as {@link #matches} for a login with an unknown email; always false. */
    public boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }

    /** A random password for generated accounts: 20 characters from an unambiguous alphabet. */
    public static String random() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] pbkdf2(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
