package org.alcove.server.security;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.auth.LoginTokens;
import org.alcove.server.testing.Api;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attacker's workbench for the token attacks. Anything jjwt will sign is built with jjwt;
 * only what it refuses to produce (an {@code alg} that does not match the signature, a key too
 * short for HMAC, a secret key embedded in the header, broken encodings) is assembled by hand
 * from Base64URL and Jackson, with the JDK's {@link Mac} for the signature.
 */
final class Forge {
    /** 64 bytes, long enough for jjwt to sign HS384 and HS512 with the server's own key. */
    private static final byte[] SERVER_KEY = random(64);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** A token kind: the header {@code typ} and the audience the server issues it with. */
    enum Kind {
        JOIN(JoinTokens.TYPE, JoinTokens.AUDIENCE),
        LOGIN(LoginTokens.TYPE, LoginTokens.AUDIENCE);

        final String type;
        final String audience;

        Kind(String type, String audience) {
            this.type = type;
            this.audience = audience;
        }
    }

    private Forge() {
    }

    /** The {@code auth.signing-key} setting that makes the arena sign with {@link #serverKey()}. */
    static String keySetting() {
        return Base64.getEncoder().encodeToString(SERVER_KEY);
    }

    /** The server's key, as an insider (or a leaked backup) would have it. */
    static SecretKey serverKey() {
        return Keys.hmacShaKeyFor(SERVER_KEY);
    }

    /** A key that is not the server's. */
    static SecretKey attackerKey() {
        return Keys.hmacShaKeyFor(random(32));
    }

    static byte[] random(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return raw;
    }

    /** The claims of a genuine token, in a fresh map to copy and change. */
    static Map<String, Object> claimsOf(String token) {
        return decode(token.split("\\.")[1]);
    }

    /** A jjwt builder holding {@code claims} and no header parameters yet. */
    static JwtBuilder builder(Map<String, Object> claims) {
        return Jwts.builder().claims(claims);
    }

    /** {@code claims} as a correctly signed token of {@code kind}: what only the server could make. */
    static String signed(Kind kind, Map<String, Object> claims) {
        return builder(claims).header().type(kind.type).and().signWith(serverKey(), Jwts.SIG.HS256).compact();
    }

    /** Hand-assembled JWS: {@code header} and {@code claims} signed by {@code macAlgorithm} with {@code macKey}. */
    static String assembled(Map<String, Object> header, Map<String, Object> claims, String macAlgorithm, byte[] macKey) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(macKey, macAlgorithm));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hand-assembled with an empty signature part (what {@code alg: none} looks like). */
    static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    static byte[] serverKeyBytes() {
        return SERVER_KEY.clone();
    }

    static String encode(Map<String, Object> json) {
        try {
            return B64.encodeToString(Api.JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> decode(String part) {
        try {
            return Api.JSON.readValue(Base64.getUrlDecoder().decode(part), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header map in insertion order, e.g. {@code header("alg", "none", "typ", "alcove-join+jwt")}. */
    static Map<String, Object> header(Object... pairs) {
        Map<String, Object> header = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            header.put((String) pairs[i], pairs[i + 1]);
        }
        return header;
    }
}
