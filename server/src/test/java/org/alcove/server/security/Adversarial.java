package org.alcove.server.security;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test class of the adversarial suite, so {@code -Dgroups=adversarial} runs it alone. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Adversarial.TAG)
public @interface Adversarial {
    String TAG = "adversarial";
}
