package org.alcove.server.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import org.alcove.server.config.AlcoveConfig;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The one way Alcove verifies its tokens (RFC 8725). Only {@link #ALGORITHM} is accepted whatever
 * the header says (a configured key long enough for HS512 must not make HS512 tokens valid), no
 * compressed payloads (nothing to inflate), our issuer, exactly one audience and one explicit
 * {@code typ} per token kind, and the configured clock leeway. The header may hold {@code alg}
 * and {@code typ} and nothing else: no key is ever chosen, fetched or taken from a token
 * ({@code kid}, {@code jku}, {@code x5u}, {@code jwk}, {@code crit} all make it invalid).
 * The parser verifies HS256 with {@link KeyedHs256}: jjwt's HS256 with the JDK Mac reused.
 */
final class TokenParsers {
    /** Every token is signed and verified with this, and nothing else. */
    static final MacAlgorithm ALGORITHM = Jwts.SIG.HS256;
    /** Our tokens are a few hundred characters; anything far longer is refused unparsed. */
    static final int MAX_TOKEN_CHARS = 4096;
    private static final Set<String> HEADER_NAMES = Set.of("alg", "typ");

    private TokenParsers() {
    }

    static JwtParser forAudience(String audience, SecretKey key, AlcoveConfig.Auth auth, Clock clock) {
        return Jwts.parser()
                .sig().clear().add(new KeyedHs256(key)).and()
                .zip().clear().and()
                .verifyWith(key)
                .requireIssuer(auth.issuer())
                .requireAudience(audience)
                .clockSkewSeconds(auth.clockLeeway().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** False for what is not worth parsing: nothing, blank, or far longer than any token we issue. */
    static boolean worthParsing(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_CHARS;
    }

    /**
     * The checks the parser does not make, on a token whose signature verified: the exact header,
     * issuer and single audience (again: the parser checks {@code nbf}/{@code exp} before them),
     * and an {@code iat} and {@code exp} present with {@code iat} not in the future.
     */
    static boolean expected(Header header, Claims claims, String type, String audience, AlcoveConfig.Auth auth,
                            Instant now) {
        Set<String> audiences = claims.getAudience();
        Date issuedAt = claims.getIssuedAt();
        return HEADER_NAMES.equals(header.keySet())
                && ALGORITHM.getId().equals(header.getAlgorithm())
                && type.equals(header.getType())
                && auth.issuer().equals(claims.getIssuer())
                && audiences != null && audiences.size() == 1 && audiences.contains(audience)
                && claims.getExpiration() != null
                && issuedAt != null && !issuedAt.toInstant().isAfter(now.plus(auth.clockLeeway()));
    }
}
