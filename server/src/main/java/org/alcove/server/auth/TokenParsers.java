package org.alcove.server.auth;

import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import org.alcove.server.config.AlcoveConfig;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.util.Date;

/**
 * The one way Alcove verifies its tokens. Only {@link #ALGORITHM} is accepted whatever the
 * header says (a configured key long enough for HS512 must not make HS512 tokens valid), no
 * compressed payloads (nothing to inflate), our issuer, exactly one audience per token kind,
 * and the configured clock leeway.
 */
final class TokenParsers {
    /** Every token is signed and verified with this, and nothing else. */
    static final MacAlgorithm ALGORITHM = Jwts.SIG.HS256;

    private TokenParsers() {
    }

    static JwtParser forAudience(String audience, SecretKey key, AlcoveConfig.Auth auth, Clock clock) {
        return Jwts.parser()
                .sig().clear().add(ALGORITHM).and()
                .zip().clear().and()
                .verifyWith(key)
                .requireIssuer(auth.issuer())
                .requireAudience(audience)
                .clockSkewSeconds(auth.clockLeeway().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }
}
