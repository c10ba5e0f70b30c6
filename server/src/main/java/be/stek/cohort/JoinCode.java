package be.stek.cohort;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The short code members type to join a team session: {@value #LENGTH} characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G), shown as {@code ABC-DEF}. What a person types is read leniently:
 * lower case, spaces and dashes are fine.
 */
final class JoinCode {
    static final String ALPHABET = "ACDEFHJKMNPRTUVWXY3479";
    static final int LENGTH = 6;

    private JoinCode() {
    }

    static String random(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code in what a person typed, or empty when it cannot be one. */
    static Optional<String> read(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s\\-.]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** {@code ACD-EFH}: two groups of three are easier to read out and to type. */
    static String display(String code) {
        return code == null ? null : code.substring(0, 3) + "-" + code.substring(3);
    }
}
