package be.stek.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

/** Assertions on what a person would see in an answer. */
public final class Answers {
    private Answers() {
    }

    /** The answer has this status and its page says {@code message}. */
    public static void assertAnswer(HttpResponse<String> r, int status, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(message), "expected «" + message + "» in " + r.body());
    }
}
