package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Join codes are short, free of look-alikes, and read the way people type them. */
class JoinCodeTest {

    @Test
    void codes_use_six_characters_without_look_alikes() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            String code = JoinCode.random(random);
            assertEquals(6, code.length());
            assertTrue(code.chars().noneMatch(ch -> "0O1IL2Z5S8B6G".indexOf(ch) >= 0), code);
            assertEquals(Optional.of(code), JoinCode.read(JoinCode.display(code)), "what is shown reads back");
        }
    }

    @Test
    void typed_codes_are_read_leniently_and_wrong_ones_refused() {
        assertEquals(Optional.of("ACDEFH"), JoinCode.read(" acd-efh "));
        assertEquals(Optional.of("ACDEFH"), JoinCode.read("ACD EFH"));
        assertEquals(Optional.empty(), JoinCode.read("ACDEF"), "too short");
        assertEquals(Optional.empty(), JoinCode.read("ACDEFO"), "O is not in the alphabet");
        assertEquals(Optional.empty(), JoinCode.read(""));
        assertEquals(Optional.empty(), JoinCode.read("A".repeat(50)));
        assertEquals("ACD-EFH", JoinCode.display("ACDEFH"));
    }
}
