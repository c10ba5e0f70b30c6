package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void hashes_are_argon2id_salted_and_verify() {
        String a = Passwords.hash("een lang wachtwoord");
        String b = Passwords.hash("een lang wachtwoord");
        assertTrue(a.startsWith("$argon2id$"));
        assertFalse(a.equals(b));
        assertTrue(Passwords.matches("een lang wachtwoord", a));
        assertFalse(Passwords.matches("een ander wachtwoord", a));
    }

    @Test
    void short_passwords_are_refused() {
        assertEquals("account.password.tooShort", Passwords.problem("kort"));
        assertNull(Passwords.problem("lang genoeg!"));
    }
}
