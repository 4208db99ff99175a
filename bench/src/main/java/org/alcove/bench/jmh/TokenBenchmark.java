package org.alcove.bench.jmh;

import org.alcove.server.auth.JoinClaims;
import org.alcove.server.auth.JoinTokenException;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.signaling.protocol.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 5: the server's full join-token verification ({@link JoinTokens#verify}: size check,
 * parsing, HS256 signature, header, issuer, audience, times and claims) against the raw
 * primitive under it, HMAC-SHA256 over the same token's signing input, in the same JVM.
 * Public with public methods because JMH generates subclasses of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenBenchmark {
    private JoinTokens tokens;
    private SecretKey key;
    private String token;
    private Mac mac;
    private byte[] signingInput;

    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
        AlcoveConfig config = ConfigLoader.load(Map.of(), Map.of());
        tokens = new JoinTokens(key, config.auth(), config.room(), Clock.systemUTC());
        Instant now = Instant.now();
        SessionRecord session = new SessionRecord("s_benchSessionId0000000", "u_benchTherapist000000", now,
                now.plus(Duration.ofMinutes(50)), SessionStatus.SCHEDULED, null, null, now);
        ParticipantRecord client = new ParticipantRecord("p_benchParticipant00000", session.id(), Role.client,
                "Client", null, null, "j_benchLinkId0000000000", ParticipantStatus.ACTIVE);
        token = tokens.issue(session, client);
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
    }

    /** The signing key, for {@link TokenPartsBenchmark}. */
    SecretKey key() {
        return key;
    }

    /** The join token both benchmarks verify. */
    String token() {
        return token;
    }

    @Benchmark
    public JoinClaims fullVerification() throws JoinTokenException {
        return tokens.verify(token);
    }

    @Benchmark
    public byte[] hmacSha256() {
        return mac.doFinal(signingInput);
    }
}
