package org.alcove.bench.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;

import java.net.URI;
import java.util.function.LongSupplier;

/**
 * One measured admission in the real web client: the therapist opens their join link and enters
 * the call, the client opens theirs and waits in the waiting room, the therapist clicks Admit
 * (a real click on the real button), and both pages play the other's video. Each participant has
 * a fresh context, closed afterwards; every wait is bounded.
 */
public final class CallSetup {
    /** Any single step taking longer is a harness failure, not a latency. */
    private static final double STEP_TIMEOUT_MS = 60_000;

    private CallSetup() {
    }

    /**
     * One admission and the server's CPU time while it ran.
     *
     * @param serverCpuMillis CPU time of the server process (all threads) from just before the
     *                        click until both pages were seen playing; NaN where unknown
     */
    public record Measured(Admission admission, double serverCpuMillis) {
    }

    /**
     * Runs one admission on {@code server} with a freshly booked session's two join tokens.
     *
     * @param clientName the client's name as booked: the Admit button is labelled with it
     * @param serverCpu  the server process's CPU time in nanoseconds, negative when unknown
     */
    public static Measured admit(Chromium chromium, URI server, String therapistToken, String clientToken,
                                 String clientName, LongSupplier serverCpu) {
        BrowserContext therapistContext = chromium.newParticipant();
        BrowserContext clientContext = null;
        try {
            Page therapist = open(therapistContext, server, therapistToken);
            clientContext = chromium.newParticipant();
            Page client = open(clientContext, server, clientToken);
            passDeviceCheck(therapist);
            therapist.locator("#call").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            passDeviceCheck(client);
            client.locator("#waiting").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));

            Locator admit = therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Admit " + clientName));
            admit.waitFor();
            long cpuBefore = serverCpu.getAsLong();
            admit.click();
            try {
                waitForRemoteVideo(therapist);
                waitForRemoteVideo(client);
            } catch (RuntimeException e) {
                throw new IllegalStateException("no video within " + (long) STEP_TIMEOUT_MS + " ms of the click on Admit;"
                        + "\n  therapist saw: " + seen(therapist) + "\n  client saw: " + seen(client), e);
            }
            long cpuAfter = serverCpu.getAsLong();
            Admission admission = Admission.of(PageEvent.fromProbe(therapist.evaluate("() => window.__alcoveBench")),
                    PageEvent.fromProbe(client.evaluate("() => window.__alcoveBench")));
            return new Measured(admission, cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (cpuAfter - cpuBefore) / 1e6);
        } finally {
            if (clientContext != null) {
                clientContext.close();
            }
            therapistContext.close();
        }
    }

    private static Page open(BrowserContext context, URI server, String token) {
        Page page = context.newPage();
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        // Navigation is started without waiting for the load: both pages load at once.
        page.navigate(server + "/join#" + token, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        return page;
    }

    /** The device check shows the camera's picture (the call takes that stream along), then "Join". */
    private static void passDeviceCheck(Page page) {
        page.waitForFunction("() => { const v = document.getElementById('check-video');"
                + " return v && v.videoWidth > 0 && v.readyState >= 2; }", null,
                new Page.WaitForFunctionOptions().setTimeout(STEP_TIMEOUT_MS));
        Locator join = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join"));
        page.waitForFunction("() => !document.getElementById('check-join').disabled", null,
                new Page.WaitForFunctionOptions().setTimeout(STEP_TIMEOUT_MS));
        join.click();
    }

    /** What a page's probe recorded (kinds and types only), for a failure message. */
    private static String seen(Page page) {
        try {
            return PageEvent.fromProbe(page.evaluate("() => window.__alcoveBench")).stream()
                    .map(e -> e.type() == null ? e.kind() : e.kind() + " " + e.type())
                    .filter(e -> !e.endsWith("ping") && !e.endsWith("pong"))
                    .toList().toString();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void waitForRemoteVideo(Page page) {
        page.waitForFunction("() => window.__alcoveBench.some(e => e.kind === 'playing')", null,
                new Page.WaitForFunctionOptions().setTimeout(STEP_TIMEOUT_MS));
    }
}
