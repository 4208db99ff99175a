package org.alcove.server.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1} in a PKCS12 keystore,
 * made at runtime with the JDK's own {@code keytool} (exactly as the README tells operators), and
 * an {@link SSLContext} that trusts that one certificate only.
 */
public final class TestCertificate implements AutoCloseable {
    public static final String PASSWORD = "test-keystore-password";
    public static final String ALIAS = "alcove";

    private final Path dir;
    private final Path keystore;
    private final X509Certificate certificate;
    private final SSLContext trust;

    private TestCertificate(Path dir, Path keystore, X509Certificate certificate, SSLContext trust) {
        this.dir = dir;
        this.keystore = keystore;
        this.certificate = certificate;
        this.trust = trust;
    }

    public static TestCertificate create() {
        try {
            Path dir = Files.createTempDirectory("alcove-tls-");
            Path keystore = dir.resolve("alcove.p12");
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
            KeyStore store = KeyStore.getInstance(keystore.toFile(), PASSWORD.toCharArray());
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext trust = SSLContext.getInstance("TLS");
            trust.init(null, factory.getTrustManagers(), null);
            return new TestCertificate(dir, keystore, certificate, trust);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test certificate", e);
        }
    }

    /** Runs the JDK's keytool; fails with its output when it fails. */
    public static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(Stream.concat(Stream.of(keytool.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + List.of(args) + " failed: " + output);
        }
    }

    /** The settings that make a server serve HTTPS with this certificate. */
    public Map<String, String> settings() {
        return Map.of("http.tls-keystore", keystore.toString(), "http.tls-keystore-password", PASSWORD);
    }

    public Path keystore() {
        return keystore;
    }

    public Path dir() {
        return dir;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Trusts this certificate and nothing else. */
    public SSLContext trust() {
        return trust;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
