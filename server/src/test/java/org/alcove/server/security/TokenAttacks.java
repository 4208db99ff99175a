package org.alcove.server.security;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import org.alcove.server.security.Forge.Kind;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 8725 attack list as named token makers. Each one turns the claims of a genuine token of
 * a kind into a token the server must refuse exactly like garbage: {@code error auth-failed} and
 * close 4002 on the socket, the same 401 problem on the HTTP API. Tokens "signed with the
 * server's key" stand for an insider or a leaked key: they prove the checks beyond the signature.
 */
final class TokenAttacks {
    /** Makes the hostile token from the genuine claims of {@code kind} (a fresh map each time). */
    interface Attack {
        String token(Kind kind, Map<String, Object> genuine);
    }

    /** One entry of the list; {@code name} says the attack and shows in the test report. */
    record Named(String name, Attack attack) {
        @Override
        public String toString() {
            return name;
        }
    }

    private TokenAttacks() {
    }

    /** Attacks that apply to both kinds; {@code listener} is a URL no token may make the server fetch. */
    static List<Named> generic(URI listener, String otherKindToken) {
        List<Named> all = new ArrayList<>();
        // Malformed and truncated.
        all.add(of("garbage text", (k, g) -> "not-a-token"));
        all.add(of("three empty parts", (k, g) -> ".."));
        all.add(of("truncated: signature cut short", (k, g) -> cut(Forge.signed(k, g), 8)));
        all.add(of("truncated: signature removed", (k, g) -> withoutSignature(Forge.signed(k, g))));
        all.add(of("truncated: header only", (k, g) -> Forge.signed(k, g).split("\\.")[0]));
        all.add(of("header is not JSON", (k, g) -> Forge.encode("not json") + "." + afterHeader(Forge.signed(k, g))));
        all.add(of("header is a JSON array", (k, g) -> Forge.encode("[\"HS256\"]") + "." + afterHeader(Forge.signed(k, g))));
        all.add(of("oversized: correctly signed, 5 KB", (k, g) -> Forge.signed(k, with(g, "pad", "x".repeat(5000)))));
        // Algorithms.
        all.add(of("alg none, no signature", (k, g) -> Forge.unsigned(Forge.header("alg", "none", "typ", k.type), g)));
        all.add(of("alg none, a genuine signature kept", (k, g) -> Forge.assembled(
                Forge.header("alg", "none", "typ", k.type), g, "HmacSHA256", Forge.serverKeyBytes())));
        all.add(of("HS384 with the server's key", (k, g) -> Forge.builder(g).header().type(k.type).and()
                .signWith(Forge.serverKey(), Jwts.SIG.HS384).compact()));
        all.add(of("HS512 with the server's key", (k, g) -> Forge.builder(g).header().type(k.type).and()
                .signWith(Forge.serverKey(), Jwts.SIG.HS512).compact()));
        all.add(of("RS256 header over an HMAC signature by the server's key", (k, g) -> Forge.assembled(
                Forge.header("alg", "RS256", "typ", k.type), g, "HmacSHA256", Forge.serverKeyBytes())));
        all.add(of("ES256 header over an HMAC signature by the server's key", (k, g) -> Forge.assembled(
                Forge.header("alg", "ES256", "typ", k.type), g, "HmacSHA256", Forge.serverKeyBytes())));
        all.add(of("HS256 keyed with an RSA public key (PEM)", (k, g) -> Forge.builder(g).header().type(k.type).and()
                .signWith(Keys.hmacShaKeyFor(publicKeyPem().getBytes(StandardCharsets.US_ASCII)), Jwts.SIG.HS256)
                .compact()));
        all.add(of("HS256 keyed with the public issuer and audience", (k, g) -> Forge.assembled(
                Forge.header("alg", "HS256", "typ", k.type), g, "HmacSHA256",
                ("alcove" + k.audience).getBytes(StandardCharsets.US_ASCII))));
        all.add(of("HS256 keyed with 32 zero bytes", (k, g) -> Forge.builder(g).header().type(k.type).and()
                .signWith(Keys.hmacShaKeyFor(new byte[32]), Jwts.SIG.HS256).compact()));
        all.add(of("wrong key", (k, g) -> Forge.builder(g).header().type(k.type).and()
                .signWith(Forge.attackerKey(), Jwts.SIG.HS256).compact()));
        // Claims, correctly signed.
        for (String claim : List.of("exp", "iat", "aud", "iss", "sub")) {
            all.add(of("signed, missing " + claim, (k, g) -> Forge.signed(k, with(g, claim, null))));
        }
        all.add(of("signed, another audience", (k, g) -> Forge.signed(k, with(g, "aud", "alcove-other"))));
        all.add(of("signed, both audiences", (k, g) -> Forge.signed(k, with(g, "aud",
                List.of(Kind.JOIN.audience, Kind.LOGIN.audience)))));
        all.add(of("signed, the other kind's audience", (k, g) -> Forge.signed(k, with(g, "aud", other(k).audience))));
        all.add(of("signed, wrong issuer", (k, g) -> Forge.signed(k, with(g, "iss", "someone-else"))));
        all.add(of("signed, issued an hour in the future", (k, g) -> Forge.signed(k, with(g, "iat",
                ((Number) g.get("iat")).longValue() + 3600))));
        // jjwt will not write a non-numeric exp, so this one is assembled by hand.
        all.add(of("signed, exp is text", (k, g) -> Forge.assembled(Forge.header("alg", "HS256", "typ", k.type),
                with(g, "exp", "tomorrow"), "HmacSHA256", Forge.serverKeyBytes())));
        // Explicit typing.
        all.add(of("signed, no typ", (k, g) -> Forge.builder(g).signWith(Forge.serverKey(), Jwts.SIG.HS256).compact()));
        all.add(of("signed, typ JWT", (k, g) -> typed(g, "JWT")));
        all.add(of("signed, the other kind's typ", (k, g) -> typed(g, other(k).type)));
        all.add(of("signed, typ in upper case", (k, g) -> typed(g, k.type.toUpperCase())));
        // Hostile headers: no key is ever chosen, fetched or taken from a token.
        all.add(of("kid path traversal, attacker's key", (k, g) -> Forge.builder(g).header().type(k.type)
                .keyId("../../../../data/signing.key").and().signWith(Forge.attackerKey(), Jwts.SIG.HS256).compact()));
        all.add(of("kid SQL injection, attacker's key", (k, g) -> Forge.builder(g).header().type(k.type)
                .keyId("x' UNION SELECT 'secret' --").and().signWith(Forge.attackerKey(), Jwts.SIG.HS256).compact()));
        all.add(of("kid URL, attacker's key", (k, g) -> Forge.builder(g).header().type(k.type)
                .keyId(listener.resolve("/kid").toString()).and().signWith(Forge.attackerKey(), Jwts.SIG.HS256).compact()));
        all.add(of("kid on a token signed with the server's key", (k, g) -> Forge.builder(g).header().type(k.type)
                .keyId("1").and().signWith(Forge.serverKey(), Jwts.SIG.HS256).compact()));
        for (String param : List.of("jku", "x5u")) {
            all.add(of(param + " to a listener, attacker's key", (k, g) -> Forge.builder(g).header().type(k.type)
                    .add(param, listener.resolve("/" + param).toString()).and()
                    .signWith(Forge.attackerKey(), Jwts.SIG.HS256).compact()));
            all.add(of(param + " to a listener, server's key", (k, g) -> Forge.builder(g).header().type(k.type)
                    .add(param, listener.resolve("/" + param).toString()).and()
                    .signWith(Forge.serverKey(), Jwts.SIG.HS256).compact()));
        }
        all.add(of("embedded RSA jwk, RS256 by the attacker", (k, g) -> embeddedRsaJwk(k, g)));
        all.add(of("embedded secret jwk, HS256 by the attacker", (k, g) -> embeddedSecretJwk(k, g)));
        all.add(of("crit names an unknown extension", (k, g) -> Forge.builder(g).header().type(k.type)
                .critical().add("x-alcove").and().add("x-alcove", true).and()
                .signWith(Forge.serverKey(), Jwts.SIG.HS256).compact()));
        all.add(of("compressed payload (zip DEF)", (k, g) -> Forge.builder(g).header().type(k.type).and()
                .compressWith(Jwts.ZIP.DEF).signWith(Forge.serverKey(), Jwts.SIG.HS256).compact()));
        // Kind confusion.
        all.add(of("a genuine token of the other kind", (k, g) -> otherKindToken));
        return all;
    }

    private static Named of(String name, Attack attack) {
        return new Named(name, attack);
    }

    /** A copy of {@code claims} with {@code name} set to {@code value}, or removed when it is null. */
    static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    private static Kind other(Kind kind) {
        return kind == Kind.JOIN ? Kind.LOGIN : Kind.JOIN;
    }

    private static String typed(Map<String, Object> claims, String type) {
        return Forge.builder(claims).header().type(type).and().signWith(Forge.serverKey(), Jwts.SIG.HS256).compact();
    }

    private static String cut(String token, int chars) {
        return token.substring(0, token.length() - chars);
    }

    private static String withoutSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private static String afterHeader(String token) {
        return token.substring(token.indexOf('.') + 1);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(rsa().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String embeddedRsaJwk(Kind kind, Map<String, Object> claims) {
        KeyPair pair = rsa();
        return Forge.builder(claims).header().type(kind.type)
                .jwk(Jwks.builder().key((RSAPublicKey) pair.getPublic()).build()).and()
                .signWith(pair.getPrivate(), Jwts.SIG.RS256).compact();
    }

    /** jjwt will not put a secret key in a header, so this one is assembled by hand. */
    private static String embeddedSecretJwk(Kind kind, Map<String, Object> claims) {
        byte[] key = Forge.random(32);
        Map<String, Object> jwk = Map.of("kty", "oct", "k", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        return Forge.assembled(Forge.header("alg", "HS256", "typ", kind.type, "jwk", jwk), claims, "HmacSHA256", key);
    }
}
