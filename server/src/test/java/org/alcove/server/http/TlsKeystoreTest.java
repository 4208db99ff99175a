package org.alcove.server.http;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigException;
import org.alcove.server.testing.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keystore check turns every way a keystore can be wrong into one line naming the setting. */
class TlsKeystoreTest {
    private static final String PASSWORD = TestCertificate.PASSWORD;
    private static TestCertificate certificate;

    @BeforeAll
    static void create() {
        certificate = TestCertificate.create();
    }

    @AfterAll
    static void delete() {
        certificate.close();
    }

    private static AlcoveConfig.Http http(Path keystore, String password, String alias) {
        return new AlcoveConfig.Http("127.0.0.1", 0, null, 65536, keystore, password, alias);
    }

    private static Path keystore(String name, String... args) throws Exception {
        Path path = certificate.dir().resolve(name);
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"-keystore", path.toString(), "-storepass", PASSWORD}, 0, all, args.length, 4);
        TestCertificate.keytool(all);
        return path;
    }

    @Test
    void opens_a_pkcs12_keystore_and_finds_its_only_key() {
        TlsKeystore keystore = TlsKeystore.open(http(certificate.keystore(), PASSWORD, null));
        assertEquals("PKCS12", keystore.type());
        assertEquals(TestCertificate.ALIAS, keystore.alias());
        assertEquals(certificate.certificate(), keystore.certificate());
    }

    @Test
    void opens_a_jks_keystore_too() throws Exception {
        Path jks = keystore("alcove.jks", "-genkeypair", "-alias", "jks", "-keyalg", "EC", "-dname", "CN=localhost",
                "-storetype", "JKS", "-keypass", PASSWORD);
        TlsKeystore keystore = TlsKeystore.open(http(jks, PASSWORD, null));
        assertEquals("JKS", keystore.type());
        assertEquals("jks", keystore.alias());
    }

    @Test
    void several_keys_need_an_alias_and_the_alias_must_name_a_key() throws Exception {
        Path two = keystore("two.p12", "-genkeypair", "-alias", "first", "-keyalg", "EC", "-dname", "CN=one",
                "-storetype", "PKCS12");
        TestCertificate.keytool("-genkeypair", "-alias", "second", "-keyalg", "EC", "-dname", "CN=two",
                "-storetype", "PKCS12", "-keystore", two.toString(), "-storepass", PASSWORD);
        assertMessage(http(two, PASSWORD, null), "ALCOVE_HTTP_TLS_KEY_ALIAS");
        assertEquals("second", TlsKeystore.open(http(two, PASSWORD, "second")).alias());
        assertMessage(http(two, PASSWORD, "third"), "ALCOVE_HTTP_TLS_KEY_ALIAS");
    }

    @Test
    void a_certificate_without_its_key_cannot_serve_tls() throws Exception {
        Path pem = certificate.dir().resolve("only.pem");
        TestCertificate.keytool("-exportcert", "-rfc", "-alias", TestCertificate.ALIAS, "-keystore",
                certificate.keystore().toString(), "-storepass", PASSWORD, "-file", pem.toString());
        Path trustOnly = keystore("trust.p12", "-importcert", "-noprompt", "-alias", "ca", "-file", pem.toString(),
                "-storetype", "PKCS12");
        ConfigException error = assertMessage(http(trustOnly, PASSWORD, null), "ALCOVE_HTTP_TLS_KEYSTORE:");
        assertTrue(error.getMessage().contains("no private key"), error.getMessage());
    }

    @Test
    void a_wrong_password_names_the_password_setting_without_echoing_it() {
        ConfigException error = assertMessage(http(certificate.keystore(), "not-the-password", null),
                "ALCOVE_HTTP_TLS_KEYSTORE_PASSWORD");
        assertTrue(!error.getMessage().contains("not-the-password"), error.getMessage());
    }

    private static ConfigException assertMessage(AlcoveConfig.Http config, String expected) {
        ConfigException error = assertThrows(ConfigException.class, () -> TlsKeystore.open(config));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        return error;
    }
}
