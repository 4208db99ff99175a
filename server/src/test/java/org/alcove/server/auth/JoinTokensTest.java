package org.alcove.server.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.testing.MutableClock;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JoinTokensTest {
    private static final Instant START = Instant.parse("2030-01-31T14:00:00Z");

    private final AlcoveConfig config = ConfigLoader.load(Map.of(), Map.of());
    private final SecretKey key = randomKey(32);
    private final MutableClock clock = new MutableClock(START.minus(Duration.ofHours(1)));
    private final JoinTokens tokens = new JoinTokens(key, config.auth(), config.room(), clock);
    private final SessionRecord session = new SessionRecord("s_1", "u_t", START, START.plus(Duration.ofMinutes(50)),
            SessionStatus.SCHEDULED, null, null, clock.instant());
    private final ParticipantRecord client = new ParticipantRecord("p_c", "s_1", Role.client, "C", null, null,
            "t_1", ParticipantStatus.ACTIVE);

    private static SecretKey randomKey(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return Keys.hmacShaKeyFor(raw);
    }

    /** A builder with the join token's typ, so each case fails for its own reason only. */
    private static io.jsonwebtoken.JwtBuilder typed() {
        return Jwts.builder().header().type(JoinTokens.TYPE).and();
    }

    private JoinTokenException.Kind refusal(String token) {
        return assertThrows(JoinTokenException.class, () -> tokens.verify(token)).kind();
    }

    @Test
    void verifies_its_own_token_inside_the_window() throws Exception {
        clock.set(START);
        JoinClaims claims = tokens.verify(tokens.issue(session, client));
        assertEquals(new JoinClaims("s_1", "p_c", Role.client, "t_1",
                START.minus(Duration.ofMinutes(15)), START.plus(Duration.ofMinutes(50 + 10 + 60))), claims);
    }

    @Test
    void token_opens_fifteen_minutes_before_the_start() throws Exception {
        String token = tokens.issue(session, client);
        clock.set(START.minus(Duration.ofMinutes(16)));
        JoinTokenException early = assertThrows(JoinTokenException.class, () -> tokens.verify(token));
        assertEquals(JoinTokenException.Kind.NOT_YET_VALID, early.kind());
        assertEquals("s_1", early.claims().sessionId());
        assertEquals(START.minus(Duration.ofMinutes(15)), early.claims().notBefore());
        clock.set(START.minus(Duration.ofMinutes(15)));
        assertEquals("p_c", tokens.verify(token).participantId());
    }

    @Test
    void expired_token_is_refused_with_its_verified_claims() {
        String token = tokens.issue(session, client);
        clock.set(START.plus(Duration.ofMinutes(50 + 10 + 60)).plus(Duration.ofMinutes(1)));
        JoinTokenException expired = assertThrows(JoinTokenException.class, () -> tokens.verify(token));
        assertEquals(JoinTokenException.Kind.EXPIRED, expired.kind());
        assertEquals("t_1", expired.claims().tokenId());
    }

    @Test
    void forged_signature_is_invalid_without_claims() {
        JoinTokens other = new JoinTokens(randomKey(32), config.auth(), config.room(), clock);
        JoinTokenException forged = assertThrows(JoinTokenException.class,
                () -> tokens.verify(other.issue(session, client)));
        assertEquals(JoinTokenException.Kind.INVALID, forged.kind());
        assertNull(forged.claims());
    }

    @Test
    void forged_expired_token_is_invalid_not_expired() {
        JoinTokens other = new JoinTokens(randomKey(32), config.auth(), config.room(), clock);
        String forged = other.issue(session, client);
        clock.set(START.plus(Duration.ofDays(2)));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(forged));
    }

    @Test
    void tampered_payload_is_invalid() {
        clock.set(START);
        String[] parts = tokens.issue(session, client).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"client\"", "\"therapist\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(JoinTokenException.Kind.INVALID, refusal(tampered));
    }

    @Test
    void unsigned_alg_none_token_is_invalid() {
        clock.set(START);
        String payload = new String(Base64.getUrlDecoder().decode(tokens.issue(session, client).split("\\.")[1]),
                StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
        assertEquals(JoinTokenException.Kind.INVALID, refusal(none));
    }

    @Test
    void another_algorithm_with_the_same_key_is_invalid() {
        SecretKey longKey = randomKey(64);
        JoinTokens pinned = new JoinTokens(longKey, config.auth(), config.room(), clock);
        clock.set(START);
        String hs512 = typed().issuer("alcove").audience().add(JoinTokens.AUDIENCE).and()
                .id("t_1").subject("p_c").claim("sid", "s_1").claim("role", "client")
                .issuedAt(Date.from(START)).notBefore(Date.from(START)).expiration(Date.from(START.plusSeconds(600)))
                .signWith(longKey, Jwts.SIG.HS512).compact();
        JoinTokenException refused = assertThrows(JoinTokenException.class, () -> pinned.verify(hs512));
        assertEquals(JoinTokenException.Kind.INVALID, refused.kind());
    }

    @Test
    void a_compressed_token_is_invalid_even_when_correctly_signed() {
        clock.set(START);
        String zipped = typed().issuer("alcove").audience().add(JoinTokens.AUDIENCE).and()
                .id("t_1").subject("p_c").claim("sid", "s_1").claim("role", "client")
                .issuedAt(Date.from(START)).notBefore(Date.from(START)).expiration(Date.from(START.plusSeconds(600)))
                .compressWith(Jwts.ZIP.DEF)
                .signWith(key, Jwts.SIG.HS256).compact();
        assertEquals(JoinTokenException.Kind.INVALID, refusal(zipped));
    }

    @Test
    void wrong_issuer_or_audience_or_missing_claim_is_invalid() {
        clock.set(START);
        Date now = Date.from(START);
        Date later = Date.from(START.plusSeconds(600));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(typed().issuer("someone-else")
                .audience().add(JoinTokens.AUDIENCE).and().id("t").subject("p").claim("sid", "s").claim("role", "client")
                .issuedAt(now).notBefore(now).expiration(later).signWith(key, Jwts.SIG.HS256).compact()));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(typed().issuer("alcove")
                .audience().add("alcove-api").and().id("t").subject("p").claim("sid", "s").claim("role", "client")
                .issuedAt(now).notBefore(now).expiration(later).signWith(key, Jwts.SIG.HS256).compact()));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(typed().issuer("alcove")
                .audience().add(JoinTokens.AUDIENCE).and().id("t").subject("p").claim("role", "client")
                .issuedAt(now).notBefore(now).expiration(later).signWith(key, Jwts.SIG.HS256).compact()));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(typed().issuer("alcove")
                .audience().add(JoinTokens.AUDIENCE).and().id("t").subject("p").claim("sid", "s").claim("role", "admin")
                .issuedAt(now).notBefore(now).expiration(later).signWith(key, Jwts.SIG.HS256).compact()));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(typed().issuer("alcove")
                .audience().add(JoinTokens.AUDIENCE).and().id("t").subject("p").claim("sid", "s").claim("role", "client")
                .issuedAt(now).expiration(later).signWith(key, Jwts.SIG.HS256).compact()));
    }

    @Test
    void login_token_is_never_a_join_token_even_when_expired() {
        LoginTokens logins = new LoginTokens(key, config.auth(), clock);
        String login = logins.issue(new User("u_t", "t@test.local", "T", AccountRole.therapist, "x", clock.instant()));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(login));
        clock.advance(Duration.ofDays(2));
        assertEquals(JoinTokenException.Kind.INVALID, refusal(login));
    }

    @Test
    void join_token_is_never_a_login_token() {
        LoginTokens logins = new LoginTokens(key, config.auth(), clock);
        clock.set(START);
        assertTrue(logins.verify(tokens.issue(session, client)).isEmpty());
    }

    @Test
    void issued_tokens_carry_the_join_type_and_nothing_else_in_the_header() {
        String header = new String(Base64.getUrlDecoder().decode(tokens.issue(session, client).split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"typ\":\"alcove-join+jwt\""), header);
        assertEquals(2, header.chars().filter(c -> c == ':').count(), header);
    }

    @Test
    void a_correctly_signed_token_without_or_with_another_type_is_invalid() {
        clock.set(START);
        Date now = Date.from(START);
        Date later = Date.from(START.plusSeconds(600));
        for (String type : new String[]{null, "JWT", "alcove-login+jwt", "Alcove-Join+JWT"}) {
            var builder = Jwts.builder();
            if (type != null) {
                builder.header().type(type);
            }
            String token = builder.issuer("alcove").audience().add(JoinTokens.AUDIENCE).and().id("t_1")
                    .subject("p_c").claim("sid", "s_1").claim("role", "client").issuedAt(now).notBefore(now)
                    .expiration(later).signWith(key, Jwts.SIG.HS256).compact();
            assertEquals(JoinTokenException.Kind.INVALID, refusal(token), String.valueOf(type));
        }
    }

    @Test
    void a_correctly_signed_token_with_any_other_header_is_invalid() {
        clock.set(START);
        Date now = Date.from(START);
        Date later = Date.from(START.plusSeconds(600));
        Map<String, Object> extras = Map.of("kid", "../../signing.key", "jku", "http://127.0.0.1:9/keys",
                "x5u", "http://127.0.0.1:9/cert", "cty", "JWT");
        for (Map.Entry<String, Object> extra : extras.entrySet()) {
            String token = typed().header().add(extra.getKey(), extra.getValue()).and().issuer("alcove")
                    .audience().add(JoinTokens.AUDIENCE).and().id("t_1").subject("p_c").claim("sid", "s_1")
                    .claim("role", "client").issuedAt(now).notBefore(now).expiration(later)
                    .signWith(key, Jwts.SIG.HS256).compact();
            assertEquals(JoinTokenException.Kind.INVALID, refusal(token), extra.getKey());
        }
    }

    @Test
    void a_token_issued_in_the_future_is_invalid_beyond_the_leeway() {
        clock.set(START);
        Date later = Date.from(START.plusSeconds(600));
        for (long ahead : new long[]{29, 31}) {
            String token = typed().issuer("alcove").audience().add(JoinTokens.AUDIENCE).and().id("t_1")
                    .subject("p_c").claim("sid", "s_1").claim("role", "client")
                    .issuedAt(Date.from(START.plusSeconds(ahead))).notBefore(Date.from(START)).expiration(later)
                    .signWith(key, Jwts.SIG.HS256).compact();
            if (ahead < 30) {
                assertDoesNotThrow(() -> tokens.verify(token));
            } else {
                assertEquals(JoinTokenException.Kind.INVALID, refusal(token));
            }
        }
    }

    @Test
    void an_oversized_token_is_invalid_without_being_parsed() {
        clock.set(START);
        String genuine = tokens.issue(session, client);
        assertEquals(JoinTokenException.Kind.INVALID, refusal(genuine + "A".repeat(TokenParsers.MAX_TOKEN_CHARS)));
    }

    @Test
    void a_login_token_claiming_a_longer_life_than_the_login_ttl_is_refused() {
        LoginTokens logins = new LoginTokens(key, config.auth(), clock);
        Instant now = clock.instant();
        String longLived = Jwts.builder().header().type(LoginTokens.TYPE).and().issuer("alcove")
                .audience().add(LoginTokens.AUDIENCE).and().subject("u_t").claim("role", "therapist")
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(config.auth().loginTtl()).plusSeconds(1)))
                .signWith(key, Jwts.SIG.HS256).compact();
        assertTrue(logins.verify(longLived).isEmpty());
        String issued = logins.issue(new User("u_t", "t@test.local", "T", AccountRole.therapist, "x", now));
        assertTrue(logins.verify(issued).isPresent());
    }

    @Test
    void garbage_is_invalid() {
        for (String junk : new String[]{"", " ", "abc", "a.b.c", "..", "eyJhbGciOiJIUzI1NiJ9..x"}) {
            assertEquals(JoinTokenException.Kind.INVALID, refusal(junk), junk);
        }
        assertEquals(JoinTokenException.Kind.INVALID, refusal(null));
    }
}
