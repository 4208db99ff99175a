package org.alcove.server.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.config.AlcoveConfig;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Staff sign-in tokens: HS256 JWTs typed {@value #TYPE} with audience {@value #AUDIENCE}, so a
 * join link can never be used as a sign-in and a sign-in never opens a room. A token claiming a
 * longer life than {@code auth.login-ttl} is not one we issued and is refused.
 */
public final class LoginTokens {
    public static final String AUDIENCE = "alcove-api";
    /** The header {@code typ} of every login token (RFC 8725 explicit typing). */
    public static final String TYPE = "alcove-login+jwt";

    private final SecretKey key;
    private final AlcoveConfig.Auth auth;
    private final Clock clock;
    private final JwtParser parser;

    public LoginTokens(SecretKey key, AlcoveConfig.Auth auth, Clock clock) {
        this.key = key;
        this.auth = auth;
        this.clock = clock;
        this.parser = TokenParsers.forAudience(AUDIENCE, key, auth, clock);
    }

    public String issue(User user) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header().type(TYPE).and()
                .issuer(auth.issuer())
                .audience().add(AUDIENCE).and()
                .subject(user.id())
                .claim("role", user.role().name())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(auth.loginTtl())))
                .signWith(key, TokenParsers.ALGORITHM)
                .compact();
    }

    /** The claims of a genuine, current login token; empty for anything else (no reason given). */
    public Optional<LoginClaims> verify(String token) {
        if (!TokenParsers.worthParsing(token)) {
            return Optional.empty();
        }
        try {
            var jws = parser.parseSignedClaims(token);
            Claims claims = jws.getPayload();
            Optional<AccountRole> role = AccountRole.parse(String.valueOf(claims.get("role")));
            if (!TokenParsers.expected(jws.getHeader(), claims, TYPE, AUDIENCE, auth, clock.instant())
                    || claims.getSubject() == null || claims.getSubject().isBlank() || role.isEmpty()
                    || lifetime(claims).compareTo(auth.loginTtl()) > 0) {
                return Optional.empty();
            }
            return Optional.of(new LoginClaims(claims.getSubject(), role.get(), claims.getExpiration().toInstant()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Duration lifetime(Claims claims) {
        return Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant());
    }
}
