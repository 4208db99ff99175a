/**
 * Scenario 7, the admission in a browser: {@link org.alcove.bench.browser.InTheBrowser} runs it
 * and makes its rows; Debian's Chromium driven by Playwright, a probe script that timestamps the
 * Admit click, the signalling messages, the peer connection's states and the first remote video
 * frames inside the pages, and the arithmetic that turns two pages' timestamps into one
 * admission's timeline.
 */
package org.alcove.bench.browser;
