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
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Staff sign-in tokens: HS256 JWTs with audience {@value #AUDIENCE}, so a join link can never be
 * used as a sign-in and a sign-in never opens a room.
 */
public final class LoginTokens {
    public static final String AUDIENCE = "alcove-api";

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
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            var jws = parser.parseSignedClaims(token);
            Claims claims = jws.getPayload();
            Set<String> audience = claims.getAudience();
            Optional<AccountRole> role = AccountRole.parse(String.valueOf(claims.get("role")));
            if (!JoinTokens.ALGORITHM.equals(jws.getHeader().getAlgorithm()) || audience == null
                    || audience.size() != 1 || claims.getSubject() == null || claims.getExpiration() == null
                    || role.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new LoginClaims(claims.getSubject(), role.get(), claims.getExpiration().toInstant()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
