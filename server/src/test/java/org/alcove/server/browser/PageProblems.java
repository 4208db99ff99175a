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

/**
 * What must never happen on a page under test, collected from every page a stage opens: an
 * uncaught script error, an error on the console, or anything the Content-Security-Policy refused
 * (an inline script or style would be). Console errors a test expects are named, narrowly, as
 * {@link ExpectedConsoleError}s: for the whole class (a stage's {@code expecting}) or for one test
 * ({@link #expect}). Script errors and CSP refusals can never be expected.
 */
final class PageProblems {
    private final Set<Page> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<ExpectedConsoleError> always;
    private final List<ExpectedConsoleError> thisTest = new CopyOnWriteArrayList<>();

    /** @param always expected on every page of the class, whatever the test */
    PageProblems(List<ExpectedConsoleError> always) {
        this.always = List.copyOf(always);
    }

    /** Starts collecting from {@code page}; watching a page twice collects once. */
    void watch(Page page) {
        if (!watched.add(page)) {
            return;
        }
        page.onPageError(error -> problems.add("uncaught script error on " + page.url() + ": " + error));
        page.onConsoleMessage(message -> {
            if (isCspRefusal(message)) {
                problems.add("refused by the Content-Security-Policy on " + page.url() + ": " + message.text());
            } else if (message.type().equals("error") && !expected(message)) {
                problems.add("console error on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
            }
        });
    }

    /** Lets this console error pass until the next {@link #check} (the end of the current test). */
    void expect(ExpectedConsoleError error) {
        thisTest.add(error);
    }

    /** Fails with every problem seen since the last check, then starts afresh (the test's expectations too). */
    void check() {
        List<String> seen = new ArrayList<>(problems);
        problems.clear();
        thisTest.clear();
        if (!seen.isEmpty()) {
            throw new AssertionFailedError("the pages had problems:\n  " + String.join("\n  ", seen));
        }
    }

    private boolean expected(ConsoleMessage message) {
        String textAndLocation = message.text() + " " + message.location();
        return always.stream().anyMatch(error -> error.matches(textAndLocation))
                || thisTest.stream().anyMatch(error -> error.matches(textAndLocation));
    }

    private static boolean isCspRefusal(ConsoleMessage message) {
        return message.text().contains("Content Security Policy");
    }
}
