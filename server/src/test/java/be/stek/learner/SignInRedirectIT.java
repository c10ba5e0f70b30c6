package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After sign-in Stek sends the browser only to a page of its own, whatever {@code next} says. */
class SignInRedirectIT {
    /** Hostile {@code next} values as they appear in a link (URL-encoded). */
    private static final List<String> IN_LINKS = List.of("/%09/evil.example", "%2F%2Fevil.example",
            "/%2F/evil.example", "//evil.example", "///evil.example", "/%5Cevil.example", "%5C%5Cevil.example",
            "/%5C/evil.example", "/%0D%0A/evil.example", "https://evil.example", "https:%2F%2Fevil.example",
            "javascript:alert(1)", "%20//evil.example", "/%252F%252Fevil.example/..%2F");

    @Test
    void every_hostile_next_lands_on_the_dashboard_and_is_never_put_in_the_form(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            for (String next : IN_LINKS) {
                Http http = new Http(server);
                String form = http.get("/login?next=" + next).body();
                assertFalse(form.contains("evil.example"), next + " was put in the sign-in form");
                String decoded = java.net.URLDecoder.decode(next, java.nio.charset.StandardCharsets.UTF_8);
                HttpResponse<String> r = http.post("/login", Map.of("email", "an@example.be",
                        "password", TestServer.PASSWORD, "next", decoded));
                assertEquals(303, r.statusCode(), next);
                assertEquals("/me", r.headers().firstValue("Location").orElseThrow(), next);
            }
        }
    }

    @Test
    void a_next_on_this_site_is_followed(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            HttpResponse<String> r = new Http(server).post("/login", Map.of("email", "an@example.be",
                    "password", TestServer.PASSWORD, "next", "/courses/proef/lessons/tweede-les?x=1"));
            assertEquals("/courses/proef/lessons/tweede-les?x=1", r.headers().firstValue("Location").orElseThrow());
        }
    }
}
