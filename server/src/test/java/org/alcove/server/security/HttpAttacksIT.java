package org.alcove.server.security;

import org.alcove.server.store.SessionRecord;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the HTTP side: password guessing, cross-site requests riding the sign-in cookie,
 * responses without the browser hardening headers, oversized bodies, and odd methods, paths and
 * control characters. Routes are enumerated from the router, so a new route is attacked too.
 */
@Adversarial
class HttpAttacksIT {
    private static final String PASSWORD = "therapist-password";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Called by browsers without a sign-in; they refuse a cross-site Origin instead (own test). */
    private static final Set<String> SIGN_IN_ROUTES = Set.of("POST /api/auth/login", "POST /api/auth/logout");
    private static final int PER_ACCOUNT = 3;
    private static final int PER_ADDRESS = 6;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static Arena arena;
    private static String admin;

    @BeforeAll
    static void start() {
        arena = Arena.start(Map.of("auth.login-max-failures", String.valueOf(PER_ACCOUNT),
                "auth.login-max-failures-per-address", String.valueOf(PER_ADDRESS)));
        admin = arena.api().loginAdmin();
    }

    @AfterAll
    static void stop() {
        arena.close();
    }

    // ---- password guessing -------------------------------------------------------------------

    /** Guessing one account's password: after 3 failures even the right one waits (429 + Retry-After); other accounts sign in. */
    @Test
    void guessing_one_accounts_password_waits_with_retry_after_while_other_accounts_sign_in() {
        String victim = newAccount("victim");
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertEquals(401, login("127.0.0.2", victim, "guess-" + i).getStatus());
        }
        assertTooManyAttempts(login("127.0.0.2", victim, PASSWORD));
        assertEquals(200, login("127.0.0.1", arena.therapistEmail(), PASSWORD).getStatus(), "another account signs in");
        arena.bystander().assertUndisturbed();
    }

    /** One address guessing across many accounts: after 6 failures it waits (429 + Retry-After); other addresses sign in. */
    @Test
    void guessing_across_accounts_from_one_address_waits_while_other_addresses_sign_in() {
        String account = newAccount("sprayed");
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertEquals(401, login("127.0.0.3", "nobody-" + i + "@example.test", "guess").getStatus());
        }
        assertTooManyAttempts(login("127.0.0.3", account, PASSWORD));
        assertEquals(200, login("127.0.0.1", account, PASSWORD).getStatus(), "the account signs in from elsewhere");
        arena.bystander().assertUndisturbed();
    }

    private static void assertTooManyAttempts(HttpTester.Response refused) {
        assertEquals(429, refused.getStatus(), refused.getContent());
        assertEquals("application/problem+json", refused.get("Content-Type"));
        assertTrue(refused.getContent().contains("urn:alcove:problem:too-many-attempts"), refused.getContent());
        long retryAfter = Long.parseLong(refused.get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= Duration.ofMinutes(15).toSeconds(), "Retry-After " + retryAfter);
        assertHardened("429", refused::get);
    }

    // ---- cross-site request forgery ----------------------------------------------------------

    /**
     * Every cookie-authenticated change (enumerated from the router) without Origin, with
     * {@code null}, a look-alike, another port or scheme, or another site: 403 and nothing
     * changes; the same request from the same origin does change something.
     */
    @Test
    void every_cookie_authenticated_change_needs_a_same_origin_origin() {
        Map<String, Change> changes = changes();
        Set<String> cookieRoutes = new LinkedHashSet<>(changingRoutes());
        cookieRoutes.removeAll(SIGN_IN_ROUTES);
        assertEquals(cookieRoutes, changes.keySet(), "every state-changing route needs a CSRF case here");
        String cookie = "alcove_session=" + admin;
        for (Change change : changes.values()) {
            String before = snapshot();
            for (String origin : foreignOrigins()) {
                Map<String, String> headers = new HashMap<>(Map.of("Cookie", cookie));
                if (origin != null) {
                    headers.put("Origin", origin);
                }
                Api.Response refused = arena.api().send(change.method(), change.path(), null, change.body(), headers);
                assertEquals(403, refused.status(), change.route() + " with Origin " + origin + ": " + refused.body());
                assertEquals("urn:alcove:problem:forbidden", refused.json().path("type").asText());
            }
            assertEquals(before, snapshot(), change.route() + " changed something while refused");
            Api.Response accepted = arena.api().send(change.method(), change.path(), null, change.body(),
                    Map.of("Cookie", cookie, "Origin", sameOrigin()));
            assertEquals(2, accepted.status() / 100, change.route() + ": " + accepted.body());
            assertNotEquals(before, snapshot(), change.route() + " from the same origin changed nothing");
        }
        arena.bystander().assertUndisturbed();
    }

    /** Sign-in and sign-out posted from another site (login CSRF, forced sign-out): 403 and no cookie set. */
    @Test
    void sign_in_and_sign_out_refuse_another_sites_origin() {
        String credentials = "{\"email\":\"" + arena.therapistEmail() + "\",\"password\":\"" + PASSWORD + "\"}";
        for (String origin : foreignOrigins()) {
            if (origin == null) {
                continue;
            }
            for (String[] route : new String[][]{{"/api/auth/login", credentials}, {"/api/auth/logout", null}}) {
                Api.Response refused = arena.api().send("POST", route[0], null, route[1], Map.of("Origin", origin));
                assertEquals(403, refused.status(), route[0] + " from " + origin);
                assertNull(refused.header("Set-Cookie"), route[0] + " from " + origin + " set a cookie");
            }
        }
        Api.Response signIn = arena.api().send("POST", "/api/auth/login", null, credentials, Map.of("Origin", sameOrigin()));
        assertEquals(200, signIn.status());
        assertNotNull(signIn.header("Set-Cookie"));
        assertEquals(204, arena.api().send("POST", "/api/auth/logout", null, null, Map.of("Origin", sameOrigin())).status());
        assertEquals(200, arena.api().send("POST", "/api/auth/login", null, credentials).status(), "a script sends no Origin");
        arena.bystander().assertUndisturbed();
    }

    private static String sameOrigin() {
        return "http://127.0.0.1:" + arena.uri().getPort();
    }

    /** Origins a forged request might carry; {@code null} stands for none at all. */
    private static List<String> foreignOrigins() {
        int port = arena.uri().getPort();
        List<String> origins = new ArrayList<>();
        origins.add(null);
        origins.addAll(List.of("null", "http://evil.test", "https://evil.test",
                "http://127.0.0.1:" + port + ".evil.test", "http://127.0.0.1.evil.test:" + port,
                "http://evil.test/?http://127.0.0.1:" + port, "http://127.0.0.1:" + (port + 1),
                "https://127.0.0.1:" + port, "http://127.0.0.1", "http://localhost:" + port + "@evil.test",
                "http://127.0.0.1:" + port + " http://evil.test"));
        return origins;
    }

    // ---- security headers --------------------------------------------------------------------

    /** Every kind of response: each static file, API JSON, every problem status, health, metrics, SSE, parser errors. */
    @Test
    void every_kind_of_response_carries_the_security_headers() throws Exception {
        Api api = arena.api();
        String therapist = arena.therapistLogin();
        Map<String, Function<String, String>> responses = new LinkedHashMap<>();
        for (String file : staticFiles()) {
            Api.Response response = api.send("GET", "/" + file, null, null);
            assertEquals(200, response.status(), file);
            responses.put("static " + file, response::header);
        }
        responses.put("/", api.send("GET", "/", null, null)::header);
        responses.put("/join", api.send("GET", "/join", null, null)::header);
        responses.put("HEAD /join", api.send("HEAD", "/join", null, null)::header);
        responses.put("static 404", expect(404, api.send("GET", "/no-such-file.js", null, null)));
        responses.put("200 JSON", expect(200, api.send("GET", "/api/auth/me", therapist, null)));
        responses.put("201 JSON", expect(201, api.send("POST", "/api/users", admin, userBody(nextEmail("headers")))));
        responses.put("204", expect(204, api.send("POST", "/api/auth/logout", null, null)));
        responses.put("400", expect(400, api.send("POST", "/api/users", admin, "{\"email\":")));
        responses.put("401", expect(401, api.send("GET", "/api/users", null, null)));
        responses.put("403", expect(403, api.send("GET", "/api/users", therapist, null)));
        responses.put("404", expect(404, api.send("GET", "/api/sessions/s_nothing", therapist, null)));
        responses.put("405", expect(405, api.send("PUT", "/api/sessions", therapist, "{}")));
        responses.put("409", expect(409, api.send("POST", "/api/users", admin, userBody(arena.therapistEmail()))));
        responses.put("413", expect(413, api.send("POST", "/api/users", admin, oversized("{}"))));
        responses.put("415", expect(415, api.send("POST", "/api/auth/login", null, "a=b",
                Map.of("Content-Type", "application/x-www-form-urlencoded"))));
        responses.put("/healthz", expect(200, api.send("GET", "/healthz", null, null)));
        responses.put("/readyz", expect(200, api.send("GET", "/readyz", null, null)));
        responses.put("/metrics", expect(200, api.send("GET", "/metrics", null, null)));
        responses.put("/metrics 405", expect(405, api.send("POST", "/metrics", null, "{}")));
        responses.put("/ws without upgrade", api.send("GET", "/ws", null, null)::header);
        responses.put("SSE", liveViewHeaders());
        responses.put("414 overlong URL", expectRaw(414, RawHttp.send(arena.uri(), "GET", "/" + "a".repeat(70_000), Map.of())));
        responses.put("431 oversized header", expectRaw(431, RawHttp.send(arena.uri(), "GET", "/healthz",
                Map.of("X-Padding", "a".repeat(70_000)))));
        responses.put("400 bad request line", expectRaw(400, RawHttp.send(arena.uri(), "GET", "/a b", Map.of())));
        responses.forEach(HttpAttacksIT::assertHardened);
        assertEquals(200, api.send("GET", "/healthz", null, null).status(), "the server still serves");
        arena.bystander().assertUndisturbed();
    }

    /** The headers every response must carry (plain HTTP here: no HSTS, see HttpsModeIT). */
    private static void assertHardened(String what, Function<String, String> header) {
        String csp = header.apply("Content-Security-Policy");
        assertNotNull(csp, what + ": no Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), what + ": " + csp);
        assertEquals("nosniff", header.apply("X-Content-Type-Options"), what);
        assertEquals("no-referrer", header.apply("Referrer-Policy"), what);
        assertEquals("DENY", header.apply("X-Frame-Options"), what);
        assertNotNull(header.apply("Permissions-Policy"), what);
        assertNull(header.apply("Strict-Transport-Security"), what + ": HSTS over plain HTTP");
        assertNull(header.apply("Server"), what + ": Server header");
    }

    private static Function<String, String> expect(int status, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        return response::header;
    }

    private static Function<String, String> expectRaw(int status, HttpTester.Response response) {
        assertNotNull(response, "no answer for status " + status);
        assertEquals(status, response.getStatus(), response.getContent());
        return response::get;
    }

    private static Function<String, String> liveViewHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(arena.uri().resolve("/api/admin/live"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        stream.body().close();
        return name -> stream.headers().firstValue(name).orElse(null);
    }

    /** Every file of the web client, as served under {@code /}. */
    private static List<String> staticFiles() throws Exception {
        URI index = HttpAttacksIT.class.getClassLoader().getResource("alcove/web/index.html").toURI();
        if (index.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(index, Map.of())) {
                return filesUnder(jar.getPath("/alcove/web"));
            }
        }
        return filesUnder(Path.of(index).getParent());
    }

    private static List<String> filesUnder(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }

    // ---- body limits -------------------------------------------------------------------------

    /**
     * A body past {@code http.max-body-bytes} on every state-changing route (enumerated), with a
     * declared length and chunked: 413 problem, an answer rather than a reset, nothing stored. The
     * bodies are valid requests padded with JSON whitespace, so only the size refuses them.
     */
    @Test
    void every_route_refuses_an_oversized_body_and_stores_nothing() throws Exception {
        Map<String, Change> changes = new LinkedHashMap<>(changes());
        String credentials = "{\"email\":\"" + arena.therapistEmail() + "\",\"password\":\"" + PASSWORD + "\"}";
        changes.put("POST /api/auth/login", new Change("POST /api/auth/login", "POST", "/api/auth/login", credentials));
        changes.put("POST /api/auth/logout", new Change("POST /api/auth/logout", "POST", "/api/auth/logout", null));
        assertEquals(new LinkedHashSet<>(changingRoutes()), changes.keySet(), "every state-changing route needs a case here");
        HttpClient http = HttpClient.newHttpClient();
        String before = snapshot();
        for (Change change : changes.values()) {
            String body = oversized(change.body() == null ? "{}" : change.body());
            Api.Response declared = arena.api().send(change.method(), change.path(), admin, body);
            assertTooLarge(change.route() + " (declared length)", declared.status(), declared.header("Content-Type"), declared.body());

            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(arena.uri().resolve(change.path()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .method(change.method(), HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTooLarge(change.route() + " (chunked)", chunked.statusCode(),
                    chunked.headers().firstValue("Content-Type").orElse(null), chunked.body());
        }
        assertEquals(before, snapshot(), "an oversized request stored something");
        assertEquals(200, http.send(HttpRequest.newBuilder(arena.uri().resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the client's connection still works");
        arena.bystander().assertUndisturbed();
    }

    /**
     * A naive client that sends its whole oversized body before reading: up to 16 times the limit
     * the server reads and drops it and answers 413; far past that (100 times) it stops reading and
     * closes, so the client may see the 413 or only the close. Either way nothing is stored and
     * the server keeps serving everyone else.
     */
    @Test
    void a_body_far_past_the_limit_is_refused_without_harm() {
        int max = arena.testServer().config().http().maxBodyBytes();
        String before = snapshot();
        HttpTester.Response drained = RawHttp.send(arena.uri(), "127.0.0.1", "POST", "/api/users",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + admin),
                oversized(userBody(nextEmail("drained"))) + " ".repeat(max * 8));
        assertNotNull(drained, "no answer to a body 9 times the limit");
        assertEquals(413, drained.getStatus());
        assertTrue(drained.getContent().contains("urn:alcove:problem:body-too-large"), drained.getContent());

        HttpTester.Response huge = RawHttp.send(arena.uri(), "127.0.0.1", "POST", "/api/users",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + admin),
                userBody(nextEmail("huge")) + " ".repeat(max * 100));
        assertTrue(huge == null || huge.getStatus() == 413, "answered " + (huge == null ? null : huge.getStatus()));
        assertEquals(before, snapshot(), "an oversized request stored something");
        assertEquals(200, arena.api().send("GET", "/healthz", null, null).status());
        arena.bystander().assertUndisturbed();
    }

    private static void assertTooLarge(String what, int status, String contentType, String body) {
        assertEquals(413, status, what + ": " + body);
        assertEquals("application/problem+json", contentType, what);
        assertTrue(body.contains("urn:alcove:problem:body-too-large"), what + ": " + body);
    }

    private static String oversized(String json) {
        return json + " ".repeat(arena.testServer().config().http().maxBodyBytes());
    }

    // ---- methods, paths and control characters -----------------------------------------------

    /** TRACE (cross-site tracing), TRACK and made-up methods: refused everywhere, nothing of the request echoed. */
    @Test
    void trace_and_unknown_methods_are_refused_without_echoing_the_request() {
        for (String method : List.of("TRACE", "TRACK", "PROPFIND", "FOO")) {
            for (String path : List.of("/", "/index.html", "/join", "/api/sessions", "/api/auth/me", "/healthz", "/ws")) {
                HttpTester.Response response = RawHttp.send(arena.uri(), method, path,
                        Map.of("Cookie", "alcove_session=secret-cookie-value", "X-Echo", "echo-marker"));
                assertNotNull(response, method + " " + path);
                assertTrue(response.getStatus() == 404 || response.getStatus() == 405,
                        method + " " + path + " answered " + response.getStatus());
                assertFalse(response.getContent().contains("secret-cookie-value"), method + " " + path + " echoed the cookie");
                assertFalse(response.getContent().contains("echo-marker"), method + " " + path + " echoed a header");
                assertHardened(method + " " + path, response::get);
            }
        }
        arena.bystander().assertUndisturbed();
    }

    /** {@code ..} and encoded traversal in static paths: never a file outside the web root (the classpath holds secrets' neighbours). */
    @Test
    void path_traversal_never_leaves_the_web_root() {
        assertNotNull(HttpAttacksIT.class.getResource("/alcove-defaults.properties"), "control: a file to reach for");
        List<String> targets = List.of("/../alcove-defaults.properties", "/../../alcove-defaults.properties",
                "/js/../../alcove-defaults.properties", "/%2e%2e/alcove-defaults.properties",
                "/%2E%2E/%2E%2E/alcove-defaults.properties", "/..%2falcove-defaults.properties",
                "/js/..%2f..%2falcove-defaults.properties", "/..%5calcove-defaults.properties",
                "/%c0%ae%c0%ae/alcove-defaults.properties", "/%252e%252e/alcove-defaults.properties",
                "/..;/alcove-defaults.properties", "/js/%2e%2e/%2e%2e/org/alcove/server/Server.class",
                "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/js/..%00/alcove-defaults.properties", "//etc/passwd", "/alcove/web/index.html");
        for (String target : targets) {
            HttpTester.Response response = RawHttp.send(arena.uri(), "GET", target, Map.of());
            assertNotNull(response, target);
            assertTrue(response.getStatus() == 400 || response.getStatus() == 404, target + " answered " + response.getStatus());
            assertFalse(response.getContent().contains("max-body-bytes"), target + " served the defaults file");
            assertFalse(response.getContent().contains("root:"), target + " served /etc/passwd");
            assertHardened(target, response::get);
        }
        arena.bystander().assertUndisturbed();
    }

    /** CR/LF smuggled in a path, a JSON field name or a header value: no header or cookie is injected into any answer. */
    @Test
    void crlf_never_injects_a_response_header() {
        for (String target : List.of("/css%0d%0aSet-Cookie:%20injected=1", "/css%0D%0ALocation:%20http://evil.test/",
                "/join%0d%0aSet-Cookie:%20injected=1", "/api/sessions/x%0d%0aSet-Cookie:%20injected=1",
                "/%0d%0aSet-Cookie:%20injected=1/")) {
            HttpTester.Response response = RawHttp.send(arena.uri(), "GET", target, Map.of());
            assertNotNull(response, target);
            assertNotInjected(target, response);
        }
        HttpTester.Response folded = RawHttp.send(arena.uri(), "GET", "/healthz",
                Map.of("X-Test", "a\r\n Set-Cookie: injected=1"));
        assertNotNull(folded);
        assertNotInjected("folded header", folded);
        HttpTester.Response bareCr = RawHttp.send(arena.uri(), "GET", "/healthz", Map.of("X-Test", "a\rSet-Cookie: injected=1"));
        assertTrue(bareCr == null || bareCr.getStatus() == 400, "a bare CR in a header is refused");

        Api.Response field = arena.api().send("POST", "/api/auth/login", null,
                "{\"email\":\"a@b.test\",\"password\":\"x\",\"p\\r\\nSet-Cookie: injected=1\":1}");
        assertEquals(400, field.status());
        assertEquals("urn:alcove:problem:unknown-field", field.json().path("type").asText());
        assertNull(field.header("Set-Cookie"));
        assertFalse(field.body().contains("\r\n"), "the reflected field name is JSON-escaped");
        arena.bystander().assertUndisturbed();
    }

    private static void assertNotInjected(String what, HttpTester.Response response) {
        for (String name : response.getFieldNamesCollection()) {
            for (String value : response.getValuesList(name)) {
                assertFalse(value.contains("injected") || value.contains("evil.test"), what + ": header " + name + ": " + value);
            }
        }
        assertNull(response.get("Set-Cookie"), what);
    }

    // ---- fixtures ------------------------------------------------------------------------------

    /** One request a browser might be tricked into, against a fixture made for it. */
    private record Change(String route, String method, String path, String body) {
    }

    /**
     * A ready, valid request for every cookie-authenticated state-changing route, each against its
     * own fresh fixture (so each would succeed if allowed), keyed by {@code "METHOD /pattern"}.
     */
    private static Map<String, Change> changes() {
        String therapistId = arena.testServer().users().findByEmail(arena.therapistEmail()).orElseThrow().id();
        String userId = Api.expect(201, arena.api().send("POST", "/api/users", admin, userBody(nextEmail("target"))))
                .path("id").asText();
        BookedSession cancel = arena.book(1);
        BookedSession reissue = arena.book(1);
        BookedSession end = arena.book(1);
        BookedSession remove = arena.book(1);
        Map<String, Change> changes = new LinkedHashMap<>();
        add(changes, "POST /api/sessions", "/api/sessions", "{\"startsAt\":\"" + arena.now() + "\",\"durationMinutes\":50,"
                + "\"clients\":[{\"name\":\"" + Arena.CLIENT_NAME_PREFIX + " Forged\"}],\"therapistId\":\"" + therapistId + "\"}");
        add(changes, "DELETE /api/sessions/{id}", "/api/sessions/" + cancel.sessionId(), null);
        add(changes, "POST /api/sessions/{id}/clients/{clientId}/link",
                "/api/sessions/" + reissue.sessionId() + "/clients/" + reissue.clientId(0) + "/link", null);
        add(changes, "POST /api/users", "/api/users", userBody(nextEmail("created")));
        add(changes, "POST /api/users/{id}/disable", "/api/users/" + userId + "/disable", null);
        add(changes, "POST /api/users/{id}/enable", "/api/users/" + userId + "/enable", null);
        add(changes, "POST /api/users/{id}/password", "/api/users/" + userId + "/password",
                "{\"password\":\"a-new-long-password\"}");
        add(changes, "POST /api/admin/sessions/{id}/end", "/api/admin/sessions/" + end.sessionId() + "/end",
                "{\"reason\":\"Ended for a test\"}");
        add(changes, "POST /api/admin/sessions/{id}/participants/{pid}/remove",
                "/api/admin/sessions/" + remove.sessionId() + "/participants/" + remove.clientId(0) + "/remove",
                "{\"reason\":\"Removed for a test\"}");
        return changes;
    }

    private static void add(Map<String, Change> changes, String route, String path, String body) {
        changes.put(route, new Change(route, route.substring(0, route.indexOf(' ')), path, body));
    }

    /** Every registered route whose method changes state. */
    private static List<String> changingRoutes() {
        return arena.server().routes().stream()
                .filter(route -> !SAFE_METHODS.contains(route.substring(0, route.indexOf(' '))))
                .toList();
    }

    /** Everything a change could touch: accounts, sessions and their participants (links, statuses). */
    private static String snapshot() {
        StringBuilder state = new StringBuilder(arena.testServer().users().all().toString());
        for (SessionRecord session : arena.testServer().sessions().all()) {
            state.append(session).append(arena.testServer().sessions().participants(session.id()));
        }
        return state.toString();
    }

    private static String newAccount(String prefix) {
        String email = nextEmail(prefix);
        Api.expect(201, arena.api().send("POST", "/api/users", admin, userBody(email)));
        return email;
    }

    private static String nextEmail(String prefix) {
        return prefix + NAMES.incrementAndGet() + "@example.test";
    }

    private static String userBody(String email) {
        return "{\"email\":\"" + email + "\",\"name\":\"Test Account\",\"role\":\"therapist\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static HttpTester.Response login(String from, String email, String password) {
        HttpTester.Response response = RawHttp.send(arena.uri(), from, "POST", "/api/auth/login",
                Map.of("Content-Type", "application/json"),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertNotNull(response, "no answer to a sign-in");
        return response;
    }
}
