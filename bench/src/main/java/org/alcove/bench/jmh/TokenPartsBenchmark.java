package org.alcove.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a join token's verification time goes, next to {@link TokenBenchmark} (not part of
 * {@code ./alcove bench}; run it by hand, see docs/performance.md): the floor any JSON JWT
 * verifier pays (base64url-decoding header and claims and parsing both with Jackson, then the
 * same plus the HMAC and a constant-time compare) against jjwt's parser alone, configured as
 * Alcove's but with jjwt's stock HS256. Same token shape as {@link TokenBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenPartsBenchmark {
    private final ObjectMapper json = new ObjectMapper();
    private final Base64.Decoder base64Url = Base64.getUrlDecoder();
    private final TokenBenchmark full = new TokenBenchmark();
    private JwtParser stockParser;
    private String token;
    private String header;
    private String claims;
    private byte[] signingInput;
    private byte[] signature;
    private Mac mac;

    @Setup
    public void setUp() throws GeneralSecurityException {
        full.setUp();
        SecretKey key = full.key();
        token = full.token();
        String[] parts = token.split("\\.");
        header = parts[0];
        claims = parts[1];
        signature = base64Url.decode(parts[2]);
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        stockParser = Jwts.parser().sig().clear().add(Jwts.SIG.HS256).and().zip().clear().and()
                .verifyWith(key).requireIssuer("alcove").requireAudience("alcove-join").build();
    }

    @Benchmark
    public Object decodeAndParseJson() throws IOException {
        json.readValue(base64Url.decode(header), Map.class);
        return json.readValue(base64Url.decode(claims), Map.class);
    }

    @Benchmark
    public boolean decodeParseJsonAndHmac() throws IOException {
        json.readValue(base64Url.decode(header), Map.class);
        json.readValue(base64Url.decode(claims), Map.class);
        return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
    }

    @Benchmark
    public Jws<Claims> jjwtParserWithStockHs256() {
        return stockParser.parseSignedClaims(token);
    }

    @Benchmark
    public byte[] hmacSha256() {
        return mac.doFinal(signingInput);
    }

    @Benchmark
    public Object fullVerification() throws Exception {
        return full.fullVerification();
    }
}
