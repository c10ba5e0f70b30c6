package be.stek.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Codes are shown in groups of four and may be typed in any case, with or without spaces and dashes. */
class CertificateTest {
    static Certificate withCode(String code) {
        return new Certificate(code, 1, "proef", "Proefcursus", "1.0", "An", "2026-03-06T10:00:00.000Z", 20,
                "2026-03-07T09:00:00.000Z");
    }

    @Test
    void a_code_is_shown_in_groups_of_four() {
        assertEquals("K7QM-4RTX-9PZC", withCode("K7QM4RTX9PZC").displayCode());
    }

    @Test
    void a_typed_code_ignores_case_spaces_and_dashes() {
        assertEquals("K7QM4RTX9PZC", Certificate.normalize(" k7qm-4rtx 9pzc "));
        assertEquals("", Certificate.normalize("--- "));
        assertEquals("", Certificate.normalize("X".repeat(101)), "absurdly long input is no code");
    }

    @Test
    void the_verification_address_uses_the_printed_code_and_any_base_url() {
        assertEquals("https://stek.example/verify/K7QM-4RTX-9PZC",
                withCode("K7QM4RTX9PZC").verifyUrl("https://stek.example/"));
        assertEquals("http://localhost/verify/K7QM-4RTX-9PZC", withCode("K7QM4RTX9PZC").verifyUrl("http://localhost"));
    }
}
