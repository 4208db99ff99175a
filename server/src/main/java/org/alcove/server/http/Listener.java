package org.alcove.server.http;

import org.alcove.server.config.AlcoveConfig;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The server's one listener: plain HTTP/1.1, or, with {@code http.tls-keystore} set, HTTPS only
 * (TLS 1.2 and 1.3 with Jetty's default exclusions of weak ciphers, HTTP/1.1 inside, so the
 * WebSocket runs as {@code wss}). There is no plain port to redirect from: an operator who wants
 * one puts a proxy in front. With {@code http.forwarded-headers} on, the client's address, scheme
 * and host come from the proxy's {@code Forwarded} / {@code X-Forwarded-*} headers.
 */
public final class Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    private Listener() {
    }

    public static ServerConnector open(Server jetty, AlcoveConfig.Http config) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (config.forwardedHeaders()) {
            // Trusts whatever Forwarded / X-Forwarded-For says (the left-most value): safe only
            // when a proxy we run overwrites those headers, so a client cannot choose its address.
            ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
            // Only Forwarded and X-Forwarded-*: the TLS-session headers (Proxy-auth-cert,
            // Proxy-ssl-id, X-Proxied-Https) are more a proxy must remember to strip.
            forwarded.setForwardedHttpsHeader(null);
            forwarded.setForwardedCipherSuiteHeader(null);
            forwarded.setForwardedSslSessionIdHeader(null);
            http.addCustomizer(forwarded);
        }
        ServerConnector connector = config.tls()
                ? new ServerConnector(jetty, new SslConnectionFactory(tls(config, http), HttpVersion.HTTP_1_1.asString()),
                        new HttpConnectionFactory(http))
                : new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    private static SslContextFactory.Server tls(AlcoveConfig.Http config, HttpConfiguration http) {
        TlsKeystore keystore = TlsKeystore.open(config);
        if (keystore.certificate().getNotAfter().toInstant().isBefore(Instant.now())) {
            LOG.warn("the TLS certificate expired at {}; browsers will refuse it", keystore.certificate().getNotAfter().toInstant());
        }
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // A certificate for a host name must still answer a request made by IP address (health
        // checks, a self-signed certificate for 127.0.0.1); SNI is never required.
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        http.addCustomizer(secure);

        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStorePath(config.tlsKeystore().toString());
        factory.setKeyStoreType(keystore.type());
        factory.setKeyStorePassword(config.tlsKeystorePassword());
        factory.setCertAlias(keystore.alias());
        factory.setSniRequired(false);
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return factory;
    }
}
