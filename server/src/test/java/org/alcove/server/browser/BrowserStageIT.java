package org.alcove.server.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stage's check of page problems, run after every browser test, fails on each kind of
 * problem and lets through only the console error a test names. Each test triggers the check
 * itself ({@link BrowserStage#checkPages}, the very call the stage makes after a test), so the
 * failure it expects does not fail it.
 */
@Timeout(BrowserStage.TEST_SECONDS)
class BrowserStageIT {
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage().expecting(ExpectedConsoleError.NOBODY_SIGNED_IN);

    @Test
    void an_uncaught_script_error_fails_the_check() {
        Page page = STAGE.page();
        page.setContent("<p>hello</p><script>throw new Error('broken on purpose')</script>");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, STAGE::checkPages);
        assertTrue(failure.getMessage().contains("uncaught script error"), failure.getMessage());
        assertTrue(failure.getMessage().contains("broken on purpose"), failure.getMessage());
    }

    @Test
    void a_console_error_fails_the_check() {
        Page page = STAGE.page();
        page.setContent("<script>console.error('something went wrong')</script>");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, STAGE::checkPages);
        assertTrue(failure.getMessage().contains("console error"), failure.getMessage());
        assertTrue(failure.getMessage().contains("something went wrong"), failure.getMessage());
    }

    @Test
    void an_inline_script_the_csp_refuses_fails_the_check() {
        Page page = STAGE.page();
        page.navigate(STAGE.server().uri() + "/");
        // As a page would if a template put a script in the markup: the policy allows none inline.
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
                + " document.body.append(s); }");
        page.waitForTimeout(200);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, STAGE::checkPages);
        assertTrue(failure.getMessage().contains("refused by the Content-Security-Policy"), failure.getMessage());
    }

    @Test
    void an_allowance_lets_only_the_named_console_error_through_and_only_in_its_test() {
        Page page = STAGE.page();
        STAGE.expectConsoleError("this test logs it", Pattern.compile("expected by the test"));
        page.setContent("<script>console.error('expected by the test')</script>");
        STAGE.checkPages();

        STAGE.expectConsoleError("this test logs it", Pattern.compile("expected by the test"));
        page.setContent("<script>console.error('expected by the test'); console.error('not this one')</script>");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, STAGE::checkPages);
        assertTrue(failure.getMessage().contains("not this one"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("expected by the test"), failure.getMessage());

        // The check ended the allowance: the same error now fails.
        page.setContent("<script>console.error('expected by the test')</script>");
        assertThrows(AssertionFailedError.class, STAGE::checkPages);
    }
}
