package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Launch tokens: what they name survives the round trip; anything forged, foreign or expired opens nothing. */
class LaunchTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final LaunchTokens tokens = new LaunchTokens(key((byte) 1));

    private static byte[] key(byte b) {
        byte[] k = new byte[32];
        Arrays.fill(k, b);
        return k;
    }

    private static LaunchTokens.Launch launch() {
        return new LaunchTokens.Launch("7.abc", 7, 3, "item één/2", "http://127.0.0.1:8080", NOW);
    }

    @Test
    void a_token_names_its_launch_until_it_expires() {
        String token = tokens.issue(launch());
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "fits in a path segment: " + token);
        assertEquals(launch(), tokens.verify(token, NOW.plus(Duration.ofHours(3))).orElseThrow());
        assertTrue(tokens.verify(token, NOW.plus(LaunchTokens.LIFETIME)).isEmpty(), "expired");
        assertTrue(tokens.verify(token, NOW.minus(Duration.ofMinutes(5))).isEmpty(), "issued in the future");
    }

    @Test
    void a_forged_or_foreign_token_opens_nothing() {
        String token = tokens.issue(launch());
        String other = tokens.issue(new LaunchTokens.Launch("8.def", 8, 3, "sco", "http://x", NOW));
        String spliced = token.substring(0, token.indexOf('.')) + other.substring(other.indexOf('.'));
        assertTrue(tokens.verify(spliced, NOW).isEmpty(), "one token's launch with another's signature");
        assertTrue(new LaunchTokens(key((byte) 2)).verify(token, NOW).isEmpty(), "signed with another key");
        for (String bad : new String[] {"", ".", "abc", "a.b", "%%%.%%%", null}) {
            assertTrue(tokens.verify(bad, NOW).isEmpty(), String.valueOf(bad));
        }
    }
}
