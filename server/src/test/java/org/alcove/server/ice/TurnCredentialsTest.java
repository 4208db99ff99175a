package org.alcove.server.ice;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TurnCredentialsTest {
    private static final Instant EXPIRY = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void the_user_name_is_the_expiry_in_unix_seconds_and_the_participant_id() {
        assertEquals("1700000000:p_abc", new TurnCredentials("s3cret").issue("p_abc", EXPIRY.plusMillis(999)).username());
    }

    /** Expected value from {@code printf %s 1700000000:p_abc | openssl dgst -sha1 -hmac s3cret -binary | base64}. */
    @Test
    void the_password_is_the_base64_hmac_sha1_of_the_user_name_as_coturn_computes_it() {
        assertEquals("Ct5vkXUitpsbmhC0NOY/szDaR5Y=", new TurnCredentials("s3cret").issue("p_abc", EXPIRY).password());
    }

    @Test
    void another_secret_participant_or_expiry_gives_another_password() {
        String password = new TurnCredentials("s3cret").issue("p_abc", EXPIRY).password();
        assertNotEquals(password, new TurnCredentials("other").issue("p_abc", EXPIRY).password());
        assertNotEquals(password, new TurnCredentials("s3cret").issue("p_abd", EXPIRY).password());
        assertNotEquals(password, new TurnCredentials("s3cret").issue("p_abc", EXPIRY.plusSeconds(1)).password());
    }

    @Test
    void a_credential_never_prints_its_password() {
        TurnCredentials.Credential credential = new TurnCredentials("s3cret").issue("p_abc", EXPIRY);
        assertFalse(credential.toString().contains(credential.password()), credential.toString());
    }
}
