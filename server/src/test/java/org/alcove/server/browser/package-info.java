/**
 * Browser end-to-end tests: Debian's Chromium driven by Playwright against the real server on
 * port 0. Every class gets both from {@link org.alcove.server.browser.BrowserStage} (one server
 * and one browser per class, one browser profile per person, the pages checked for script
 * errors, console errors and CSP refusals after each test), and a call with everyone admitted
 * from its {@code admittedCall} scene; {@code Participant} drives one person's join page.
 */
package org.alcove.server.browser;
