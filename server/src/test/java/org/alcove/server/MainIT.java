package org.alcove.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.auth.JoinClaims;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.auth.SigningKey;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestCertificate;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainIT {
    private static final Map<String, String> ENV = Map.of("ALCOVE_AUTH_PASSWORD_ITERATIONS", "1000",
            "ALCOVE_HTTP_HOST", "127.0.0.1");
    @TempDir
    Path data;

    private record Run(Server server, String out) {
    }

    private Run launch(String... extra) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("--port", "0", "--data", data.toString()));
        args.addAll(List.of(extra));
        Server server = Main.launch(args.toArray(String[]::new), ENV, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(server, bytes.toString(StandardCharsets.UTF_8));
    }

    /** What the server on {@code data} verifies join links with: the same settings and signing key. */
    private static JoinTokens joinTokensOf(Path data) {
        AlcoveConfig config = ConfigLoader.load(ENV, Map.of("store.data-dir", data.toString()));
        return new JoinTokens(SigningKey.load(config.auth(), data), config.auth(), config.room(), Clock.systemUTC());
    }

    private static String line(String out, String prefix) {
        return out.lines().map(String::trim).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in:\n" + out))
                .substring(prefix.length()).trim();
    }

    @Test
    void first_start_prints_the_admin_password_once_and_it_works() throws Exception {
        Run first = launch();
        String password;
        try {
            assertEquals("admin@alcove.local", line(first.out(), "Email:"));
            password = line(first.out(), "Password:").split("\\s+")[0];
            assertEquals(20, password.length());
            assertTrue(first.out().contains("Alcove listening on http://localhost:"));
        } finally {
            first.server().stop();
        }
        Run second = launch();
        try {
            assertFalse(second.out().contains(password), "the password is printed only on first start");
            assertFalse(second.out().contains("Password:"));
            Api api = new Api(second.server().uri());
            String admin = api.login("admin@alcove.local", password);
            // The account made at the first start is in the audit trail, made by no account (the operator).
            JsonNode created = Api.expect(200, api.send("GET", "/api/admin/audit?type=user.created", admin, null));
            assertEquals(1, created.path("rows").size(), created.toString());
            JsonNode row = created.path("rows").get(0);
            assertEquals("admin", row.path("role").asText());
            assertFalse(row.hasNonNull("actorId"), created.toString());
            assertFalse(row.path("detail").asText().isEmpty(), "names the created account: " + created);
        } finally {
            second.server().stop();
        }
    }

    @Test
    void signing_key_is_created_owner_only_and_never_printed() throws Exception {
        Run run = launch("--demo");
        try {
            Path key = data.resolve(SigningKey.FILE_NAME);
            assertTrue(Files.exists(key));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            String secret = Files.readString(key).trim();
            assertFalse(run.out().contains(secret));
        } finally {
            run.server().stop();
        }
    }

    @Test
    void a_new_data_directory_is_private_to_the_owner() throws Exception {
        Path fresh = data.resolve("fresh");
        Server server = Main.launch(new String[]{"--port", "0", "--data", fresh.toString()}, ENV,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        } finally {
            server.stop();
        }
    }

    @Test
    void demo_prints_a_therapist_login_and_two_working_links() throws Exception {
        Run run = launch("--demo");
        try {
            String therapistLink = line(run.out(), "Therapist link:");
            String clientLink = line(run.out(), "Client link:");
            JoinTokens tokens = joinTokensOf(data);
            JoinClaims therapist = tokens.verify(Api.tokenOf(therapistLink));
            JoinClaims client = tokens.verify(Api.tokenOf(clientLink));
            assertEquals(Role.therapist, therapist.role());
            assertEquals(Role.client, client.role());
            assertEquals(therapist.sessionId(), client.sessionId());
            String login = line(run.out(), "Demo therapist:");
            String password = login.substring(login.indexOf('/') + 1).trim();
            new Api(run.server().uri()).login("therapist@alcove.local", password);
        } finally {
            run.server().stop();
        }
        Run again = launch("--demo");
        try {
            String login = line(again.out(), "Demo therapist:");
            new Api(again.server().uri()).login("therapist@alcove.local", login.substring(login.indexOf('/') + 1).trim());
        } finally {
            again.server().stop();
        }
    }

    @Test
    void admin_credentials_can_come_from_the_environment() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("ALCOVE_ADMIN_EMAIL", "Boss@Example.test");
        env.put("ALCOVE_ADMIN_PASSWORD", "configured-admin-password");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Server server = Main.launch(new String[]{"--port", "0", "--data", data.toString()}, env,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("configured-admin-password"));
            new Api(server.uri()).login("boss@example.test", "configured-admin-password");
        } finally {
            server.stop();
        }
    }

    @Test
    void unknown_flags_and_missing_values_are_usage_errors() {
        assertThrows(Main.UsageException.class, () -> Main.launch(new String[]{"--nope"}, ENV, System.out));
        assertThrows(Main.UsageException.class, () -> Main.launch(new String[]{"--port"}, ENV, System.out));
        assertThrows(Main.UsageException.class, () -> Main.launch(new String[]{"--help"}, ENV, System.out));
    }

    @Test
    void with_a_keystore_the_server_listens_on_https_only() throws Exception {
        try (TestCertificate certificate = TestCertificate.create()) {
            Map<String, String> env = new java.util.HashMap<>(ENV);
            env.put("ALCOVE_HTTP_TLS_KEYSTORE", certificate.keystore().toString());
            env.put("ALCOVE_HTTP_TLS_KEYSTORE_PASSWORD", TestCertificate.PASSWORD);
            env.put("ALCOVE_ADMIN_PASSWORD", "configured-admin-password");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Server server = Main.launch(new String[]{"--port", "0", "--data", data.toString()}, env,
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            try {
                assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Alcove listening on https://localhost:"));
                new Api(server.uri(), certificate.trust()).login("admin@alcove.local", "configured-admin-password");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void a_bad_tls_keystore_stops_the_start_with_one_line_naming_the_setting() throws Exception {
        try (TestCertificate certificate = TestCertificate.create()) {
            Path pem = certificate.dir().resolve("certificate.pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
            String keystore = certificate.keystore().toString();
            Map<String[], String> cases = new java.util.LinkedHashMap<>();
            cases.put(new String[]{data.resolve("missing.p12").toString(), TestCertificate.PASSWORD, ""}, "ALCOVE_HTTP_TLS_KEYSTORE:");
            cases.put(new String[]{keystore, "wrong-password", ""}, "ALCOVE_HTTP_TLS_KEYSTORE_PASSWORD");
            cases.put(new String[]{keystore, TestCertificate.PASSWORD, "no-such-alias"}, "ALCOVE_HTTP_TLS_KEY_ALIAS");
            cases.put(new String[]{pem.toString(), TestCertificate.PASSWORD, ""}, "ALCOVE_HTTP_TLS_KEYSTORE:");
            for (Map.Entry<String[], String> bad : cases.entrySet()) {
                Map<String, String> env = new java.util.HashMap<>(ENV);
                env.put("ALCOVE_HTTP_TLS_KEYSTORE", bad.getKey()[0]);
                env.put("ALCOVE_HTTP_TLS_KEYSTORE_PASSWORD", bad.getKey()[1]);
                env.put("ALCOVE_HTTP_TLS_KEY_ALIAS", bad.getKey()[2]);
                var error = assertThrows(org.alcove.server.config.ConfigException.class,
                        () -> Main.launch(new String[]{"--port", "0", "--data", data.toString()}, env, System.out));
                assertTrue(error.getMessage().contains(bad.getValue()), error.getMessage());
                assertFalse(error.getMessage().contains(TestCertificate.PASSWORD) || error.getMessage().contains("wrong-password"),
                        "the password is never echoed: " + error.getMessage());
                assertFalse(error.getMessage().contains("\n"), error.getMessage());
            }
        }
    }

    @Test
    void the_help_explains_https_with_a_keystore_recipe() {
        for (String expected : List.of("ALCOVE_HTTP_TLS_KEYSTORE", "ALCOVE_HTTP_TLS_KEYSTORE_PASSWORD",
                "ALCOVE_HTTP_TLS_KEY_ALIAS", "keytool -genkeypair", "-storetype PKCS12", "openssl pkcs12 -export",
                "ALCOVE_HTTP_PUBLIC_URL=https://")) {
            assertTrue(Main.USAGE.contains(expected), "usage lacks " + expected);
        }
    }

    @Test
    void bad_configuration_is_a_config_error_naming_the_setting() {
        var error = assertThrows(org.alcove.server.config.ConfigException.class,
                () -> Main.launch(new String[]{"--port", "eighty", "--data", data.toString()}, ENV, System.out));
        assertTrue(error.getMessage().contains("ALCOVE_HTTP_PORT"), error.getMessage());
    }
}
