package be.stek.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one path every form takes (the GOV.UK pattern). A handler reads the fields it expects into a Form
 * ({@link #submitted}), checks them in one place per form with the helpers here, and, when anything is wrong, shows
 * the same page again with {@link #page}: status 400, the typed values back in their fields and every error beside
 * its field in the visitor's language. Templates draw the fields with the macros of {@code form.ftlh} (imported as
 * {@code f}: {@code <@f.input form=form name="…" label=…/>}); the layout puts "Fout: " before the title and an error
 * summary, focused, with a link to each field at the top of the page whenever the model holds an invalid
 * {@code form}. Passwords are never sent back: read them with {@link Ctx#formOpt}, not into the Form.
 * <pre>{@code
 * private Result showCohorts(Ctx ctx) { return cohortsPage(ctx, Form.blank(ctx)); }
 *
 * private Result submitCohort(Ctx ctx) {
 *     Form form = Form.submitted(ctx, "name");
 *     String name = form.required("name", "cohort.name.missing");   // the message names the field in words
 *     form.check(name.length() <= 100, "name", "cohort.name.tooLong", 100);
 *     if (form.invalid()) {
 *         return cohortsPage(ctx, form);                             // form.page("cohort/list", ...): 400
 *     }
 *     ...
 *     return Result.redirect("/cohorts/" + id, "cohort.flash.created");
 * }
 * }</pre>
 * and in the template {@code <form method="post" action="/cohorts" novalidate>} with
 * {@code <@f.input form=form name="name" label=t("cohort.name") required=""/>} (novalidate: the server's messages,
 * beside the fields, replace the browser's bubbles).
 * <p>
 * Values and errors are keyed by the control's id, which is its field name unless several controls on a page share a
 * name. A request no form can send (no CSRF token, a role that is not in the list) stays an {@link HttpError} page.
 */
public final class Form {
    /** One problem: the control it belongs to, its message key and the message in the visitor's language. */
    public record Error(String field, String key, String message) {
    }

    private final Messages messages;
    private final Map<String, String> values;
    private final List<Error> errors = new ArrayList<>();

    private Form(Messages messages, Map<String, String> values) {
        this.messages = messages;
        this.values = values;
    }

    /** A form with these values in this language (tests). */
    static Form of(Messages messages, Map<String, String> values) {
        return new Form(messages, new HashMap<>(values));
    }

    /** A form as first shown: empty fields. */
    public static Form blank(Ctx ctx) {
        return new Form(ctx.messages(), new HashMap<>());
    }

    /** A form as first shown with some fields filled in beforehand (a code from a link, a default number). */
    public static Form filled(Ctx ctx, Map<String, String> values) {
        return new Form(ctx.messages(), new HashMap<>(values));
    }

    /** The submitted values of these fields, trimmed ("" when absent), to check and to show again. */
    public static Form submitted(Ctx ctx, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, ctx.formOpt(field).orElse(""));
        }
        return new Form(ctx.messages(), values);
    }

    /** The value of a field as submitted (or filled in beforehand), "" when there is none. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** Adds an error to a field: a message key from the bundles with its arguments. Returns this form. */
    public Form error(String field, String key, Object... args) {
        errors.add(new Error(field, key, messages.get(key, args)));
        return this;
    }

    /** Adds the error when {@code ok} is false; returns {@code ok}. */
    public boolean check(boolean ok, String field, String key, Object... args) {
        if (!ok) {
            error(field, key, args);
        }
        return ok;
    }

    /** The field's value; when it is empty, the error {@code key} is added. */
    public String required(String field, String key) {
        check(!value(field).isEmpty(), field, key);
        return value(field);
    }

    /**
     * An optional whole number from {@code min} to {@code max}: null when the field is empty; when it is anything else
     * than such a number, the error {@code key} (with min and max as {0} and {1}) is added and null returned.
     */
    public Integer wholeNumber(String field, int min, int max, String key) {
        String raw = value(field);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        error(field, key, min, max);
        return null;
    }

    /** An optional date as a date field sends it (yyyy-mm-dd): null when empty or, with the error {@code key}, wrong. */
    public LocalDate date(String field, String key) {
        String raw = value(field);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            error(field, key, raw);
            return null;
        }
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }

    /** Every error, in the order the checks found them (the order of the error summary). */
    public List<Error> errors() {
        return List.copyOf(errors);
    }

    /** The errors of one control. */
    public List<Error> errors(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).toList();
    }

    public boolean hasErrors(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The message keys of every error, for tests and logs. */
    public List<String> errorKeys() {
        return errors.stream().map(Error::key).toList();
    }

    /**
     * The page that shows this form, with {@code form} in its model: status 200 as first shown, 400 when the form came
     * back with errors, so that the answer is not taken for a success (the same status as any other bad input).
     */
    public Result.Page page(String template, Object... keyValues) {
        Map<String, Object> model = Result.model(keyValues);
        model.put("form", this);
        return new Result.Page(template, model, invalid() ? 400 : 200);
    }
}
