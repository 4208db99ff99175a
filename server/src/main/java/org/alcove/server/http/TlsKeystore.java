package org.alcove.server.http;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigException;
import org.alcove.server.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The TLS keystore, opened and checked before Jetty sees it, so a wrong path, password or alias
 * stops the start with a {@link ConfigException} naming the setting instead of a stack trace
 * from deep inside the TLS stack. The key entry must open with the keystore's password (as in
 * every PKCS12 file {@code keytool} and {@code openssl} write).
 *
 * @param type  the detected keystore type ({@code PKCS12} or {@code JKS}), as Jetty must be told it
 * @param alias the key entry served
 */
record TlsKeystore(String type, String alias, X509Certificate certificate) {
    private static final String KEYSTORE = ConfigLoader.envName("http.tls-keystore");
    private static final String PASSWORD = ConfigLoader.envName("http.tls-keystore-password");
    private static final String ALIAS = ConfigLoader.envName("http.tls-key-alias");

    static TlsKeystore open(AlcoveConfig.Http config) {
        Path path = config.tlsKeystore();
        char[] password = config.tlsKeystorePassword().toCharArray();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(KEYSTORE + ": no readable file at " + path);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(path.toFile(), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException(PASSWORD + " does not open the keystore " + KEYSTORE);
            }
            throw new ConfigException(KEYSTORE + ": " + path + " is not a PKCS12 or JKS keystore, or "
                    + PASSWORD + " does not open it");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException(KEYSTORE + ": " + path + " is not a PKCS12 or JKS keystore");
        }
        try {
            String alias = alias(store, config.tlsKeyAlias());
            store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(certificate instanceof X509Certificate x509)) {
                throw new ConfigException(KEYSTORE + ": the key entry '" + alias + "' has no X.509 certificate");
            }
            return new TlsKeystore(store.getType(), alias, x509);
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException(PASSWORD + " does not open the key entry in " + KEYSTORE
                    + " (the key and the keystore must share one password)");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(KEYSTORE + ": cannot read the key entry (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String alias(KeyStore store, String configured) throws GeneralSecurityException {
        if (configured != null) {
            if (!store.isKeyEntry(configured)) {
                throw new ConfigException(ALIAS + ": the keystore " + KEYSTORE + " has no key entry '" + configured + "'");
            }
            return configured;
        }
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.isEmpty()) {
            throw new ConfigException(KEYSTORE + ": the keystore holds no private key entry (a certificate alone cannot serve TLS)");
        }
        if (keys.size() > 1) {
            throw new ConfigException(KEYSTORE + ": the keystore holds several key entries; choose one with " + ALIAS);
        }
        return keys.get(0);
    }
}
