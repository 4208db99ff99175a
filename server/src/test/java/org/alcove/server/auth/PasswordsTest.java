package org.alcove.server.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {
    private final Passwords passwords = new Passwords(1000);

    @Test
    void matches_only_the_right_password() {
        String hash = passwords.hash("correct horse battery");
        assertTrue(passwords.matches("correct horse battery", hash));
        assertFalse(passwords.matches("correct horse batterY", hash));
    }

    @Test
    void hash_is_salted_and_records_its_iterations() {
        String a = passwords.hash("same password");
        String b = passwords.hash("same password");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"), a);
        assertFalse(a.contains("same password"));
    }

    @Test
    void old_hashes_keep_working_after_the_iteration_count_changes() {
        String old = passwords.hash("long-lived password");
        assertTrue(new Passwords(2000).matches("long-lived password", old));
    }

    @Test
    void malformed_stored_hash_never_matches() {
        assertFalse(passwords.matches("x", "garbage"));
        assertFalse(passwords.matches("x", "pbkdf2-sha256$notanumber$AA$AA"));
        assertFalse(passwords.matchesNothing("anything"));
    }

    @Test
    void random_passwords_are_twenty_characters_and_differ() {
        assertEquals(20, Passwords.random().length());
        assertNotEquals(Passwords.random(), Passwords.random());
    }
}
