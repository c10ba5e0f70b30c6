package be.stek.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;

/**
 * What a person sees of a form that came back with errors (be.stek.web.Form): status 400, "Fout: " before the title,
 * the error summary first in the main content and focused on load, with a link per error to its field in order, and
 * each error beside its field (aria-describedby, aria-invalid).
 */
public final class FormErrors {
    private FormErrors() {
    }

    /** Checks the page against {@code expected}: field id → the start of its message, in summary order. */
    public static void assertShown(HtmlPage page, Map<String, String> expected) {
        assertEquals(400, page.getWebResponse().getStatusCode(), page.asNormalizedText());
        assertTrue(page.getTitleText().startsWith("Fout: ") || page.getTitleText().startsWith("Error: "),
                page.getTitleText());
        DomElement summary = page.getElementById("error-summary");
        assertNotNull(summary, "an error summary");
        DomElement first = page.getElementById("main").getFirstElementChild();
        if (first.getAttribute("class").equals("flash")) {
            first = first.getNextElementSibling();
        }
        assertEquals(summary, first, "the summary comes first in the main content");
        assertEquals("-1", summary.getAttribute("tabindex"), "the summary can take focus");
        assertTrue(summary.hasAttribute("autofocus"), "the summary takes focus when the page loads");
        List<String> targets = new ArrayList<>();
        for (Object link : summary.getByXPath(".//a")) {
            targets.add(((HtmlAnchor) link).getHrefAttribute());
        }
        assertEquals(expected.keySet().stream().map(id -> "#" + id).toList(), targets, "one link per error, in order");
        expected.forEach((id, message) -> {
            DomElement field = page.getElementById(id);
            assertNotNull(field, "the summary links to field " + id);
            assertEquals("true", field.getAttribute("aria-invalid"), id);
            assertTrue(field.getAttribute("aria-describedby").contains(id + "-error"), id);
            DomElement error = page.getElementById(id + "-error");
            assertNotNull(error, "an error beside " + id);
            assertTrue(error.getTextContent().contains(message), id + ": " + error.getTextContent());
            assertTrue(summary.getTextContent().contains(message), "the summary says it too: " + message);
        });
    }
}
