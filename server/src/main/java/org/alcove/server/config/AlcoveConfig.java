package org.alcove.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration, loaded once by {@link ConfigLoader} and passed down through
 * constructors. Each feature takes only its own record.
 */
public record AlcoveConfig(Http http, Store store, Auth auth, Room room, Socket socket, Ops ops, Ice ice) {

    /**
     * @param publicUrl   base of join links, or {@code null} to use http(s)://localhost:&lt;bound port&gt;
     * @param tlsKeystore PKCS12 or JKS keystore with the certificate and its key, or {@code null} for plain HTTP
     * @param tlsKeyAlias the key entry to serve, or {@code null} when the keystore holds exactly one
     * @param forwardedHeaders take the client's address, scheme and host from {@code Forwarded} /
     *                    {@code X-Forwarded-*} headers, which only a proxy that overwrites them may set
     */
    public record Http(String host, int port, URI publicUrl, int maxBodyBytes, Path tlsKeystore,
                       String tlsKeystorePassword, String tlsKeyAlias, boolean forwardedHeaders) {
        /** Without forwarded headers, as before {@code http.forwarded-headers} existed. */
        public Http(String host, int port, URI publicUrl, int maxBodyBytes, Path tlsKeystore,
                    String tlsKeystorePassword, String tlsKeyAlias) {
            this(host, port, publicUrl, maxBodyBytes, tlsKeystore, tlsKeystorePassword, tlsKeyAlias, false);
        }

        /** Whether the listener serves HTTPS itself (rather than plain HTTP, maybe behind a TLS proxy). */
        public boolean tls() {
            return tlsKeystore != null;
        }
    }

    /** @param jdbcUrl {@code null} for the embedded database under {@code dataDir} */
    public record Store(Path dataDir, String jdbcUrl, String user, String password, int poolSize) {
    }

    /**
     * @param signingKey    base64 key, or {@code null} to generate and persist one
     * @param adminEmail    {@code null} for the default
     * @param adminPassword {@code null} for a random one
     * @param socketFailuresPerAddress invalid join tokens one address may present per
     *                      {@code loginFailureWindow} before its socket auth is refused; 0 = no limit
     */
    public record Auth(String signingKey, String issuer, Duration loginTtl, Duration clockLeeway,
                       int passwordIterations, String adminEmail, String adminPassword,
                       Duration joinOpensBefore, int loginMaxFailures, int loginMaxFailuresPerAddress,
                       Duration loginFailureWindow, int socketFailuresPerAddress) {
    }

    public record Room(Duration reconnectGrace, Duration endWarning, Duration overrun, Duration maxExtension) {
    }

    /**
     * @param allowedOrigins origins ({@code scheme://host[:port]}) a browser page may open {@code /ws} from,
     *                       besides the public URL's and the server's own; empty for none
     */
    public record Socket(int maxMessageBytes, Duration authTimeout, Duration idleTimeout, Duration pingInterval,
                         Duration writeTimeout, int queueMessages, int ratePerSecond, int rateBurst,
                         List<URI> allowedOrigins) {
        public Socket {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    /**
     * Operations: log format, shutdown timing and the metrics endpoint.
     *
     * @param metricsToken bearer token {@code /metrics} requires, or {@code null} for none
     */
    public record Ops(LogFormat logFormat, Duration drainPeriod, Duration shutdownTimeout,
                      boolean metricsEnabled, String metricsToken) {
    }

    /**
     * The STUN and TURN servers browsers use to connect across NATs.
     *
     * @param stunUrls   {@code stun:}/{@code stuns:} URLs, maybe empty
     * @param turnUrls   {@code turn:}/{@code turns:} URLs, maybe empty
     * @param turnSecret the shared secret of a TURN server in {@code use-auth-secret} mode, or
     *                   {@code null} exactly when {@code turnUrls} is empty
     * @param relayOnly  browsers use relay candidates only, so no participant learns another's address
     */
    public record Ice(List<String> stunUrls, List<String> turnUrls, String turnSecret, boolean relayOnly) {
        /** No STUN, no TURN: host candidates only, enough on one network. */
        public static final Ice NONE = new Ice(List.of(), List.of(), null, false);

        public Ice {
            stunUrls = List.copyOf(stunUrls);
            turnUrls = List.copyOf(turnUrls);
        }

        /** Without the secret: configuration may be printed, the secret never. */
        @Override
        public String toString() {
            return "Ice[stunUrls=" + stunUrls + ", turnUrls=" + turnUrls + ", turnSecret="
                    + (turnSecret == null ? "none" : "(set)") + ", relayOnly=" + relayOnly + "]";
        }
    }

    /** How log lines are written: human-readable, or one JSON object per line. */
    public enum LogFormat {
        text, json
    }
}
