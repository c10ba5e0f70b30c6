package be.stek.learner;

import be.stek.web.Form;
import java.util.regex.Pattern;

/** The checks shared by every form that creates an account (sign-up, first admin) or sets a password. */
final class AccountForm {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountForm() {
    }

    /** Checks name, e-mail address and the new password with its repetition; every problem goes on the form. */
    static void check(Form form, String password, String repeated) {
        String name = form.value("name");
        form.check(!name.isEmpty() && name.length() <= 100, "name", "signup.name.missing");
        String email = form.value("email");
        form.check(EMAIL.matcher(email).matches() && email.length() <= 254, "email", "signup.email.invalid");
        checkNewPassword(form, password, repeated);
    }

    /** A new password ("password") long enough and typed the same twice ("password2"). */
    static void checkNewPassword(Form form, String password, String repeated) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            form.error("password", problem, Passwords.MIN_LENGTH);
        } else {
            form.check(password.equals(repeated), "password2", "account.password.mismatch");
        }
    }
}
