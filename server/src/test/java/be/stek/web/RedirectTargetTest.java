package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectTargetTest {
    /** Targets a browser would follow to another site (or run), each as it reaches Stek after URL decoding. */
    static final List<String> HOSTILE = List.of("//evil.example", "///evil.example", "/\t/evil.example",
            "/\t\t/evil.example", "\t//evil.example", " /evil.example/../", "/\\evil.example", "\\\\evil.example",
            "/\\/evil.example", "https://evil.example/", "http:/evil.example", "HTTPS://evil.example",
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
            "/%2F%2Fevil.example", "/%2fevil.example", "/%5Cevil.example", "/%5c/evil.example", "/%09/evil.example",
            "/%0d%0a/evil.example", "/%20/evil.example", "/\r\nLocation: https://evil.example", "evil.example",
            "", "courses", "?next=/x", "#top", "/\u0000/evil.example");

    @Test
    void hostile_targets_are_refused() {
        for (String target : HOSTILE) {
            assertEquals(Optional.empty(), RedirectTarget.sameSite(target), "should refuse " + target.replace("\t",
                    "<TAB>"));
        }
        assertEquals(Optional.empty(), RedirectTarget.sameSite(null));
    }

    @Test
    void paths_on_this_site_are_kept_with_their_query_and_fragment() {
        assertEquals(Optional.of("/me"), RedirectTarget.sameSite("/me"));
        assertEquals(Optional.of("/courses/proef/lessons/eerste-les?x=1&y=%2F%2F#start"),
                RedirectTarget.sameSite("/courses/proef/lessons/eerste-les?x=1&y=%2F%2F#start"));
        assertEquals(Optional.of("/scorm/packages/p/play/item%20one"),
                RedirectTarget.sameSite("/scorm/packages/p/play/item%20one"), "an encoded space in an item id stays");
        assertEquals(Optional.of("/woordenlijst/caf%C3%A9"), RedirectTarget.sameSite("/woordenlijst/café"),
                "non-ASCII is sent encoded, so the Location header stays plain ASCII");
        assertTrue(RedirectTarget.sameSite("/").isPresent());
    }
}
