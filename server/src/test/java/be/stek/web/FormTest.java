package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form path's checks: every problem is kept, in order, per field, in the visitor's language. */
class FormTest {

    private static Form form(Map<String, String> values) {
        return Form.of(Messages.of(Messages.DUTCH), values);
    }

    @Test
    void every_problem_is_kept_in_the_order_found_and_beside_its_field() {
        Form form = form(Map.of("name", "", "days", "400", "uses", "twee"));
        form.required("name", "cohort.name.missing");
        assertNull(form.wholeNumber("days", 1, 365, "cohort.days.range"));
        assertNull(form.wholeNumber("uses", 1, 10_000, "cohort.uses.range"));
        assertTrue(form.invalid());
        assertEquals(List.of("cohort.name.missing", "cohort.days.range", "cohort.uses.range"), form.errorKeys());
        assertEquals("Vul de naam van de groep in.", form.errors("name").get(0).message());
        assertTrue(form.errors("days").get(0).message().contains("van 1 tot 365"), form.errors("days").toString());
        assertFalse(form.hasErrors("role"));
        assertEquals("400", form.value("days"), "what was typed is kept");
    }

    @Test
    void optional_fields_left_empty_are_no_problem() {
        Form form = form(Map.of("days", "", "due", ""));
        assertNull(form.wholeNumber("days", 1, 365, "cohort.days.range"));
        assertNull(form.date("due", "cohort.due.invalid"));
        assertFalse(form.invalid());
        assertEquals("", form.value("not-sent"));
    }

    @Test
    void good_values_are_parsed() {
        Form form = form(Map.of("days", "30", "due", "2027-03-01"));
        assertEquals(30, form.wholeNumber("days", 1, 365, "cohort.days.range"));
        assertEquals(LocalDate.of(2027, 3, 1), form.date("due", "cohort.due.invalid"));
        assertFalse(form.invalid());
    }

    @Test
    void a_form_with_errors_is_shown_again_with_400_and_itself_in_the_model() {
        Form ok = form(Map.of());
        assertEquals(200, ok.page("cohort/list").status());
        Form bad = form(Map.of("due", "31/02/2027")).error("x", "cohort.name.missing");
        bad.date("due", "cohort.due.invalid");
        Result.Page page = bad.page("cohort/list", "cohorts", List.of());
        assertEquals(400, page.status());
        assertEquals(bad, page.model().get("form"));
        assertTrue(bad.errors("due").get(0).message().startsWith("‘31/02/2027’ is geen geldige datum"));
    }

    @Test
    void messages_are_in_the_visitors_language() {
        Form english = Form.of(Messages.of(Messages.ENGLISH), Map.of());
        english.required("name", "cohort.name.missing");
        assertEquals("Enter the name of the group.", english.errors().get(0).message());
    }
}
