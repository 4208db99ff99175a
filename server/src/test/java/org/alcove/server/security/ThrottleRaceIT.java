package org.alcove.server.security;

import org.alcove.server.audit.AuditEvent;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in and socket throttles under attacks that used to slip past them: guesses fired in
 * parallel (so none is counted before all are checked), and throttled attempts sent only to
 * fill the audit log. Each test guesses from its own loopback address, so the per-address
 * allowances of the tests do not mix. Shipped limits: 5 per account, 20 per address, 20 invalid
 * join tokens per address, over 15 minutes.
 */
@Adversarial
class ThrottleRaceIT {
    private static final String PASSWORD = "therapist-password";
    private static final int PER_ACCOUNT = 5;
    private static final int PARALLEL = 25;
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @RegisterExtension
    static final Arena ARENA = new Arena();

    /**
     * Attack: 25 wrong passwords for one account sent at once. Safe outcome: at most 5 are
     * checked (401), every other one gets 429 with Retry-After, and the right password then
     * gets 429 too.
     */
    @Test
    void parallel_guesses_at_one_account_get_no_more_tries_than_sequential_ones() throws Exception {
        String victim = newAccount();
        List<HttpTester.Response> answers = inParallel(PARALLEL, i -> signIn("127.0.0.21", victim, "guess-" + i));
        long unauthorized = answers.stream().filter(answer -> answer.getStatus() == 401).count();
        long throttled = answers.stream().filter(answer -> answer.getStatus() == 429).count();
        assertTrue(unauthorized <= PER_ACCOUNT, unauthorized + " guesses were checked");
        assertEquals(PARALLEL, unauthorized + throttled, "every answer is 401 or 429");
        answers.stream().filter(answer -> answer.getStatus() == 429)
                .forEach(answer -> assertNotNull(answer.get("Retry-After")));
        assertEquals(429, signIn("127.0.0.21", victim, PASSWORD).getStatus(), "the right password waits too");
    }

    /**
     * Attack: 50 sign-ins past the limit, to fill the audit log. Safe outcome: all 429, and one
     * {@code auth.login throttled} row for the lot.
     */
    @Test
    void fifty_throttled_sign_ins_write_one_audit_row() {
        String victim = newAccount();
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertEquals(401, signIn("127.0.0.22", victim, "guess-" + i).getStatus());
        }
        long before = auditRows(row -> row.event().equals("auth.login") && row.outcome().equals("throttled"));
        for (int i = 0; i < 50; i++) {
            assertEquals(429, signIn("127.0.0.22", victim, "guess-more-" + i).getStatus());
        }
        long after = auditRows(row -> row.event().equals("auth.login") && row.outcome().equals("throttled"));
        assertEquals(1, after - before);
    }

    /**
     * Attack: forged join tokens sent on 30 sockets at once from one address. Safe outcome: at
     * most 20 are checked ({@code auth-failed}, 4002), the rest get {@code too-many-attempts}
     * (4017), and 50 further throttled sockets write one {@code too-many-attempts} audit row.
     */
    @Test
    void parallel_forged_tokens_get_no_more_checks_and_throttled_ones_one_audit_row() throws Exception {
        int limit = ARENA.testServer().config().auth().socketFailuresPerAddress();
        Predicate<AuditEvent> tooMany = row -> row.event().equals("auth.failed") && row.outcome().equals("too-many-attempts");
        long before = auditRows(tooMany);
        List<Integer> closes = inParallel(30, i -> forgedJoin("127.0.0.23", "forged-" + i));
        long checked = closes.stream().filter(code -> code == 4002).count();
        long throttled = closes.stream().filter(code -> code == 4017).count();
        assertTrue(checked <= limit, checked + " forged tokens were checked");
        assertEquals(30, checked + throttled, "every socket is closed 4002 or 4017: " + closes);
        for (int i = 0; i < 50; i++) {
            assertEquals(4017, forgedJoin("127.0.0.23", "forged-more-" + i));
        }
        assertEquals(1, auditRows(tooMany) - before, "one row for the whole throttled spell");
    }

    private static int forgedJoin(String from, String token) {
        try (RawWebSocket socket = RawWebSocket.openFrom(ARENA.uri(), from)) {
            socket.send(RawWebSocket.TEXT, ("{\"type\":\"auth\",\"token\":\"" + token + "\"}").getBytes());
            return socket.awaitCloseCode(Arena.WAIT);
        }
    }

    private static <T> List<T> inParallel(int count, IntFunction<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.apply(n);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long auditRows(Predicate<AuditEvent> kind) {
        return ARENA.testServer().audit().withoutSession().stream().filter(kind).count();
    }

    private static String newAccount() {
        String email = "raced" + ACCOUNTS.incrementAndGet() + "@example.test";
        ARENA.api().createUser(email, "Raced Account", "therapist", PASSWORD);
        return email;
    }

    private static HttpTester.Response signIn(String from, String email, String password) {
        HttpTester.Response response = RawHttp.send(ARENA.uri(), from, "POST", "/api/auth/login",
                Map.of("Content-Type", "application/json"),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertNotNull(response, "no answer to a sign-in");
        return response;
    }
}
