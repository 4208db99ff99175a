package org.alcove.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The stage of a browser test class: one {@link TestServer} and one {@link Chromium} for the
 * class, a fresh browser profile for each person a test puts on it, and after each test every
 * profile closed and every page it opened checked for problems (see {@link PageProblems}).
 * Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserStage STAGE = new BrowserStage();
 *
 * @Test
 * void chat_reaches_the_client() {
 *     AdmittedCall call = STAGE.admittedCall("Robin");
 *     call.therapist().say("Hello");
 *     call.client().readsInChat("Hello");
 * }
 * }</pre>
 *
 * Tests share the server, so each books its own session with its own therapist
 * ({@link #book}); the scene steps ({@link #therapistJoins}, {@link #clientWaits},
 * {@link #admit}) are there for the tests about one of them.
 */
public final class BrowserStage implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {
    /**
     * The time bound of one browser test (each class says {@code @Timeout(BrowserStage.TEST_SECONDS)}):
     * about three times the slowest two-person test measured on a shared, loaded two-core machine
     * (ReloadIT, 26 s; GroupCallIT's four browsers get twice this), so that a hang fails its test
     * instead of eating the build's budget.
     */
    public static final long TEST_SECONDS = 150;
    private static final AtomicInteger THERAPISTS = new AtomicInteger();

    private final Supplier<Map<String, String>> settings;
    private final boolean withServer;
    private final List<ExpectedConsoleError> expected;
    private final PageProblems problems;
    private final List<Participant> participants = new ArrayList<>();
    private final List<BrowserContext> contexts = new ArrayList<>();
    private TestServer server;
    private Chromium chromium;

    /** A stage on a server with the test defaults. */
    public BrowserStage() {
        this(Map::of, true, List.of());
    }

    private BrowserStage(Supplier<Map<String, String>> settings, boolean withServer, List<ExpectedConsoleError> expected) {
        this.settings = settings;
        this.withServer = withServer;
        this.expected = List.copyOf(expected);
        List<ExpectedConsoleError> always = new ArrayList<>(expected);
        always.add(ExpectedConsoleError.NO_FAVICON);
        this.problems = new PageProblems(always);
    }

    /**
     * The same stage, with console errors every test of the class provokes by design (say, a
     * staff page asking who is signed in while nobody is). Script errors and CSP refusals are
     * never expected.
     */
    public BrowserStage expecting(ExpectedConsoleError... errors) {
        List<ExpectedConsoleError> all = new ArrayList<>(expected);
        all.addAll(List.of(errors));
        return new BrowserStage(settings, withServer, all);
    }

    /** @param settings overrides by defaults-file key, as {@link TestServer#start(Map)} takes them */
    public static BrowserStage withSettings(Map<String, String> settings) {
        return new BrowserStage(() -> settings, true, List.of());
    }

    /** @param settings asked for once, before the server starts (say, after starting a TURN server it names) */
    public static BrowserStage withSettings(Supplier<Map<String, String>> settings) {
        return new BrowserStage(settings, true, List.of());
    }

    /** Only the browser and its checks, for a test class that brings its own server. */
    public static BrowserStage browserOnly() {
        return new BrowserStage(Map::of, false, List.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.launch();
        if (withServer) {
            try {
                server = TestServer.start(settings.get());
            } catch (RuntimeException e) {
                chromium.close();
                throw e;
            }
        }
    }

    /**
     * Right after the test method, before any {@code afterEach}: the profiles close as they did
     * when each test closed its own, so a {@code SessionRecorder} sees the sockets close.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        try {
            participants.forEach(Participant::close);
            contexts.forEach(BrowserContext::close);
        } finally {
            participants.clear();
            contexts.clear();
            problems.check();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    public TestServer server() {
        if (server == null) {
            throw new IllegalStateException("a browser-only stage has no server");
        }
        return server;
    }

    /** A fresh desktop profile (camera and microphone granted), closed and checked after the test. */
    public BrowserContext context() {
        return context(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }

    /** A fresh profile with these options, closed and checked after the test. */
    public BrowserContext context(Browser.NewContextOptions options) {
        BrowserContext context = watched(chromium.newParticipant(options));
        contexts.add(context);
        return context;
    }

    /** A page in a fresh desktop profile. */
    public Page page() {
        return context().newPage();
    }

    /** A page in a fresh phone-sized profile. */
    public Page phonePage() {
        BrowserContext context = watched(chromium.newPhoneParticipant());
        contexts.add(context);
        return context.newPage();
    }

    /** Lets this console error, which the current test provokes on purpose, pass until the test ends. */
    public void expect(ExpectedConsoleError error) {
        problems.expect(error);
    }

    /** Lets console errors matching {@code looksLike} pass until the test ends; see {@link ExpectedConsoleError}. */
    public void expectConsoleError(String why, Pattern looksLike) {
        problems.expect(new ExpectedConsoleError(why, looksLike));
    }

    /** Fails now if a page had a problem since the last check; the stage does this after each test. */
    public void checkPages() {
        problems.check();
    }

    /** One person in a fresh desktop profile. */
    Participant participant() {
        return participant(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }

    /** One person in a fresh profile with these options (time zone, locale, size). */
    Participant participant(Browser.NewContextOptions options) {
        return track(new Participant(watched(chromium.newParticipant(options))));
    }

    /** One person on a phone-sized profile. */
    Participant onPhone() {
        return track(new Participant(watched(chromium.newPhoneParticipant())));
    }

    /** Books a session starting now, 50 minutes long, with its own therapist and one client per name. */
    Booking book(String... clientNames) {
        return book(50, clientNames);
    }

    /** Books a session starting now, {@code minutes} long, with its own therapist and one client per name. */
    Booking book(int minutes, String... clientNames) {
        String login = server().api().newTherapist("therapist-" + THERAPISTS.incrementAndGet() + "@example.test");
        BookedSession session = BookedSession.book(server, login, server.clock().instant(), minutes, clientNames);
        return new Booking(login, session, List.of(clientNames));
    }

    /** The therapist opens their link and passes the device check into the (empty) call. */
    Participant therapistJoins(Booking booking, Participant therapist) {
        therapist.openJoinPage(server(), booking.therapistToken()).passDeviceCheck();
        assertThat(therapist.page.locator("#call")).isVisible();
        return therapist;
    }

    /** A client opens their link, passes the device check and is in the waiting room. */
    Participant clientWaits(Booking booking, int client, Participant participant) {
        participant.openJoinPage(server(), booking.clientToken(client)).passDeviceCheck();
        assertThat(participant.heading("Your therapist will let you in")).isVisible();
        return participant;
    }

    /** The therapist presses "Admit" for the waiting client of that name. */
    void admit(Participant therapist, String clientName) {
        therapist.button("Admit " + clientName).click();
    }

    /** Books a session for these clients and brings everyone into the call, each in a fresh profile. */
    AdmittedCall admittedCall(String... clientNames) {
        return admittedCall(book(clientNames));
    }

    /** Brings the therapist and every client of {@code booking} into the call, each in a fresh profile. */
    AdmittedCall admittedCall(Booking booking) {
        List<Participant> clients = new ArrayList<>();
        booking.clientNames().forEach(name -> clients.add(participant()));
        return admittedCall(booking, participant(), clients);
    }

    /**
     * Brings these participants (prepared by the test: recorded, routed) into the call of
     * {@code booking}: the therapist joins; each client waits and is admitted in turn; the
     * therapist sees every client's video and every client the therapist's.
     */
    AdmittedCall admittedCall(Booking booking, Participant therapist, List<Participant> clients) {
        therapistJoins(booking, therapist);
        for (int i = 0; i < clients.size(); i++) {
            clientWaits(booking, i, clients.get(i));
            admit(therapist, booking.clientName(i));
        }
        booking.clientNames().forEach(therapist::seesVideoOf);
        clients.forEach(client -> client.seesVideoOf("Therapist"));
        return new AdmittedCall(booking, therapist, List.copyOf(clients));
    }

    private BrowserContext watched(BrowserContext context) {
        context.onPage(problems::watch);
        return context;
    }

    private Participant track(Participant participant) {
        problems.watch(participant.page);
        participants.add(participant);
        return participant;
    }
}
