/**
 * Browser end-to-end tests: Debian's Chromium driven by Playwright against the real server on
 * port 0, one browser context per person (see {@code testing.Chromium}).
 */
package org.alcove.server.browser;
