package org.alcove.server.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SecurityException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;
import io.jsonwebtoken.security.WeakKeyException;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyedHs256Test {
    private static final byte[] SIGNING_INPUT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwXzEifQ".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key = randomKey();
    private final KeyedHs256 hs256 = new KeyedHs256(key);

    @Test
    void is_hs256_to_the_parser() {
        assertEquals("HS256", hs256.getId());
    }

    @Test
    void accepts_the_hmac_sha256_of_the_signing_input_under_its_key() throws Exception {
        assertTrue(hs256.verify(request(key, SIGNING_INPUT, hmac(key, SIGNING_INPUT))));
        // Again on the same thread (the reused Mac) and on another one (its own Mac).
        assertTrue(hs256.verify(request(key, SIGNING_INPUT, hmac(key, SIGNING_INPUT))));
        byte[] signature = hmac(key, SIGNING_INPUT);
        assertTrue(CompletableFuture.supplyAsync(() -> hs256.verify(request(key, SIGNING_INPUT, signature))).get());
    }

    @Test
    void refuses_a_signature_of_other_bytes_a_flipped_bit_or_a_truncated_one() throws Exception {
        byte[] signature = hmac(key, SIGNING_INPUT);
        byte[] other = Arrays.copyOf(SIGNING_INPUT, SIGNING_INPUT.length);
        other[other.length - 1] ^= 1;
        assertFalse(hs256.verify(request(key, other, signature)));
        byte[] flipped = signature.clone();
        flipped[0] ^= 1;
        assertFalse(hs256.verify(request(key, SIGNING_INPUT, flipped)));
        assertFalse(hs256.verify(request(key, SIGNING_INPUT, Arrays.copyOf(signature, 16))));
        assertFalse(hs256.verify(request(key, SIGNING_INPUT, new byte[0])));
    }

    @Test
    void a_signature_made_with_another_key_does_not_verify() throws Exception {
        assertFalse(hs256.verify(request(key, SIGNING_INPUT, hmac(randomKey(), SIGNING_INPUT))));
    }

    @Test
    void verifies_with_any_other_key_exactly_as_jjwt_does() throws Exception {
        SecretKey other = randomKey();
        assertTrue(hs256.verify(request(other, SIGNING_INPUT, hmac(other, SIGNING_INPUT))));
        assertFalse(hs256.verify(request(other, SIGNING_INPUT, hmac(key, SIGNING_INPUT))));
        SecretKey weak = new SecretKeySpec(new byte[16], "HmacSHA256");
        assertThrows(WeakKeyException.class, () -> hs256.verify(request(weak, SIGNING_INPUT, hmac(weak, SIGNING_INPUT))));
    }

    @Test
    void refuses_a_key_jjwt_calls_too_weak_for_hs256() {
        // jjwt's builder reports the weak key as a SignatureException; both are its SecurityException.
        assertThrows(SecurityException.class, () -> new KeyedHs256(new SecretKeySpec(new byte[31], "HmacSHA256")));
    }

    @Test
    void signs_as_jjwt_does() throws Exception {
        byte[] signature = hs256.digest(request(key, SIGNING_INPUT, null));
        assertTrue(Arrays.equals(hmac(key, SIGNING_INPUT), signature));
        assertTrue(Jwts.SIG.HS256.verify(request(key, SIGNING_INPUT, signature)));
    }

    private static byte[] hmac(SecretKey key, byte[] input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal(input);
    }

    private static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Keys.hmacShaKeyFor(bytes);
    }

    private static VerifySecureDigestRequest<SecretKey> request(SecretKey key, byte[] input, byte[] digest) {
        return new VerifySecureDigestRequest<>() {
            @Override
            public byte[] getDigest() {
                return digest;
            }

            @Override
            public InputStream getPayload() {
                return new ByteArrayInputStream(input);
            }

            @Override
            public Provider getProvider() {
                return null;
            }

            @Override
            public SecureRandom getSecureRandom() {
                return null;
            }

            @Override
            public SecretKey getKey() {
                return key;
            }
        };
    }
}
