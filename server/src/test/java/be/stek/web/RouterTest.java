package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router()
            .get("/", Access.PUBLIC, ctx -> null)
            .get("/courses/{course}/lessons/{lesson}", Access.SIGNED_IN, ctx -> null)
            .post("/courses/{course}/lessons/{lesson}/done", Access.SIGNED_IN, ctx -> null)
            .get("/courses/{course}/files/{path...}", Access.PUBLIC, ctx -> null);

    @Test
    void path_parameters_are_captured() {
        var m = router.match("GET", "/courses/proef/lessons/eerste-les").orElseThrow();
        assertEquals("proef", m.params().get("course"));
        assertEquals("eerste-les", m.params().get("lesson"));
    }

    @Test
    void a_rest_parameter_takes_the_remaining_path() {
        assertEquals("beelden/a.svg", router.match("GET", "/courses/proef/files/beelden/a.svg").orElseThrow()
                .params().get("path"));
    }

    @Test
    void method_and_length_must_match() {
        assertTrue(router.match("POST", "/courses/proef/lessons/eerste-les").isEmpty());
        assertTrue(router.matchesAnyMethod("/courses/proef/lessons/eerste-les"));
        assertTrue(router.match("GET", "/courses/proef/lessons").isEmpty());
        assertFalse(router.matchesAnyMethod("/nergens"));
        assertTrue(router.match("GET", "/").isPresent());
    }
}
