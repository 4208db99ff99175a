package org.alcove.server.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.SessionRecord;
import org.alcove.signaling.protocol.Role;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Issues and verifies join tokens: HS256 JWTs typed {@value #TYPE} with audience {@value #AUDIENCE}, bound to one
 * session ({@code sid}), participant ({@code sub}), role and link ({@code jti}), valid from
 * {@code auth.join-opens-before} before the start until the latest possible end. Verifying
 * checks the token only; whether the link is still current (jti, session state) is the
 * caller's check against the store.
 */
public final class JoinTokens {
    public static final String AUDIENCE = "alcove-join";
    /** The header {@code typ} of every join token (RFC 8725 explicit typing): no other kind passes as one. */
    public static final String TYPE = "alcove-join+jwt";

    private final SecretKey key;
    private final AlcoveConfig.Auth auth;
    private final AlcoveConfig.Room room;
    private final Clock clock;
    private final JwtParser parser;

    public JoinTokens(SecretKey key, AlcoveConfig.Auth auth, AlcoveConfig.Room room, Clock clock) {
        this.key = key;
        this.auth = auth;
        this.room = room;
        this.clock = clock;
        this.parser = TokenParsers.forAudience(AUDIENCE, key, auth, clock);
    }

    public String issue(SessionRecord session, ParticipantRecord participant) {
        Instant notBefore = session.startsAt().minus(auth.joinOpensBefore());
        Instant expires = session.endsAt().plus(room.overrun()).plus(room.maxExtension());
        return Jwts.builder()
                .header().type(TYPE).and()
                .issuer(auth.issuer())
                .audience().add(AUDIENCE).and()
                .id(participant.tokenId())
                .subject(participant.id())
                .claim("sid", session.id())
                .claim("role", participant.role().name())
                .issuedAt(Date.from(clock.instant()))
                .notBefore(Date.from(notBefore))
                .expiration(Date.from(expires))
                .signWith(key, TokenParsers.ALGORITHM)
                .compact();
    }

    /**
     * @throws JoinTokenException INVALID for anything forged, corrupt, oversized, of another type,
     *                            audience or issuer, with any header besides alg and typ, or
     *                            missing a claim; NOT_YET_VALID / EXPIRED (with the
     *                            verified claims) for a genuine token outside its window
     */
    public JoinClaims verify(String token) throws JoinTokenException {
        if (!TokenParsers.worthParsing(token)) {
            throw invalid();
        }
        try {
            var jws = parser.parseSignedClaims(token);
            return claims(jws.getHeader(), jws.getPayload());
        } catch (PrematureJwtException e) {
            // jjwt checks nbf/exp before the expected claims, so they are checked again in claims().
            throw new JoinTokenException(JoinTokenException.Kind.NOT_YET_VALID, claims(e.getHeader(), e.getClaims()));
        } catch (ExpiredJwtException e) {
            throw new JoinTokenException(JoinTokenException.Kind.EXPIRED, claims(e.getHeader(), e.getClaims()));
        } catch (JwtException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private JoinClaims claims(Header header, Claims claims) throws JoinTokenException {
        Role role = parseRole(claims.get("role"));
        if (!TokenParsers.expected(header, claims, TYPE, AUDIENCE, auth, clock.instant())
                || blank(claims.getId()) || blank(claims.getSubject()) || role == null
                || !(claims.get("sid") instanceof String sessionId) || blank(sessionId)
                || claims.getNotBefore() == null) {
            throw invalid();
        }
        return new JoinClaims(sessionId, claims.getSubject(), role, claims.getId(),
                claims.getNotBefore().toInstant(), claims.getExpiration().toInstant());
    }

    private static Role parseRole(Object value) {
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static JoinTokenException invalid() {
        return new JoinTokenException(JoinTokenException.Kind.INVALID, null);
    }
}
