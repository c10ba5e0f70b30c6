package be.stek.learner;

import java.util.regex.Pattern;

/** The checks shared by every form that creates an account (sign-up, first admin). */
final class AccountForm {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountForm() {
    }

    /** The message key of the first problem with these fields, or null when they are fine. */
    static String problem(String name, String email, String password, String repeated) {
        if (name.isEmpty() || name.length() > 100) {
            return "signup.name.missing";
        }
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            return "signup.email.invalid";
        }
        if (!password.equals(repeated)) {
            return "account.password.mismatch";
        }
        return Passwords.problem(password);
    }
}
