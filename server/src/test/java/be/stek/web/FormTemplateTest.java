package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field macros of form.ftlh: values kept, hints and errors tied to their control, passwords never filled in. */
class FormTemplateTest {
    private final Templates templates = new Templates();

    private String render(Form form) {
        return templates.render("test/fields", Map.of("form", form), Messages.of(Messages.DUTCH));
    }

    @Test
    void a_field_with_an_error_is_described_by_its_hint_warning_and_error_and_keeps_its_value() {
        Form form = Form.of(Messages.of(Messages.DUTCH),
                Map.of("minimum", "1", "secret", "geheim", "r-1", "Mijn tekst <b>", "role", "facilitator"));
        form.wholeNumber("minimum", 2, 100, "team.minimum.range");
        form.error("r-1", "reflection.empty");
        String html = render(form);
        assertTrue(html.contains("aria-describedby=\"minimum-hint minimum-warning minimum-error\" aria-invalid=\"true\""),
                html);
        assertTrue(html.contains("<p class=\"hint warning\" id=\"minimum-warning\">Warning</p>"), html);
        assertTrue(html.contains("id=\"minimum-error\"><span class=\"visually-hidden\">Fout: </span>"
                + "‘Toon de antwoorden vanaf’ moet een getal van 2 tot 100 zijn."), html);
        assertTrue(html.contains("value=\"1\""), "the number as typed");
        assertFalse(html.contains("geheim"), "a password is never sent back");
        assertTrue(html.contains("id=\"secret-hint\">Typ het wachtwoord opnieuw"), html);
        assertTrue(html.contains(">Mijn tekst &lt;b&gt;</textarea>"), "the text as typed, escaped");
        assertTrue(html.contains("<textarea id=\"r-1\" name=\"body\" aria-describedby=\"r-1-error\" aria-invalid=\"true\""),
                html);
        assertTrue(html.contains("<option value=\"facilitator\" selected>"), "the choice stays");
    }

    @Test
    void a_field_without_errors_has_no_error_and_no_aria_invalid() {
        String html = render(Form.of(Messages.of(Messages.DUTCH), Map.of()));
        assertFalse(html.contains("aria-invalid"), html);
        assertFalse(html.contains("-error"), html);
        assertFalse(html.contains("Typ het wachtwoord opnieuw"), "only after an error");
        assertTrue(html.contains("aria-describedby=\"minimum-hint minimum-warning\""), html);
    }
}
