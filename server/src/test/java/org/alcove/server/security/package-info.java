/**
 * The adversarial suite: every attack from {@code docs/security.md}, each asserting both that the
 * attacker gets the documented answer and that a {@link org.alcove.server.security.Bystander}
 * session on the same server is undisturbed. Tagged {@value org.alcove.server.security.Adversarial#TAG}
 * so it can run alone ({@code ./alcove test --adversarial}).
 */
package org.alcove.server.security;
