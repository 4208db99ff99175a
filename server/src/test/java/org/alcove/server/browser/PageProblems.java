package org.alcove.server.browser;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * What must never happen on a page under test, collected from every page a stage opens: an
 * uncaught script error, an error on the console, or anything the Content-Security-Policy refused
 * (an inline script or style would be). A test that expects one particular console error (a
 * refused request it provokes, a device it takes away) names it with {@link #allow}; the
 * allowance lasts for that test only. Script errors and CSP refusals have no allowance.
 */
final class PageProblems {
    /** A console error a test expects, by why it is expected and what its text looks like. */
    private record Allowance(String why, Pattern text) {
    }

    private final Set<Page> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Allowance> allowances = new CopyOnWriteArrayList<>();

    /** Starts collecting from {@code page}; watching a page twice collects once. */
    void watch(Page page) {
        if (!watched.add(page)) {
            return;
        }
        page.onPageError(error -> problems.add("uncaught script error on " + page.url() + ": " + error));
        page.onConsoleMessage(message -> {
            if (isCspRefusal(message)) {
                problems.add("refused by the Content-Security-Policy on " + page.url() + ": " + message.text());
            } else if (message.type().equals("error") && !allowed(message)) {
                problems.add("console error on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
            }
        });
    }

    /**
     * Lets console errors whose text (with the address of the resource it concerns) matches
     * {@code text} pass, until the end of the current test.
     *
     * @param why what the test does that makes the browser say so, for whoever reads the test
     */
    void allow(String why, Pattern text) {
        if (why.isBlank()) {
            throw new IllegalArgumentException("an allowance says why the error is expected");
        }
        allowances.add(new Allowance(why, text));
    }

    /** Fails with every problem seen since the last check, then starts afresh (allowances too). */
    void check() {
        List<String> seen = new ArrayList<>(problems);
        problems.clear();
        allowances.clear();
        if (!seen.isEmpty()) {
            throw new AssertionFailedError("the pages had problems:\n  " + String.join("\n  ", seen));
        }
    }

    private boolean allowed(ConsoleMessage message) {
        String text = message.text() + " " + message.location();
        return allowances.stream().anyMatch(allowance -> allowance.text().matcher(text).find());
    }

    private static boolean isCspRefusal(ConsoleMessage message) {
        return message.text().contains("Content Security Policy");
    }
}
