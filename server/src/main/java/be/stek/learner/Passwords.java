package be.stek.learner;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (password4j). The parameters follow OWASP's minimum for Argon2id (19 MiB, 2 passes,
 * 1 lane) and are stored in each hash, so they can be raised later without breaking old hashes.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        return hash != null && Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /**
     * Checks a password against an account's hash, or, when there is no account ({@code hash} null), against a hash
     * of nothing: the check takes as long either way, so its time does not tell whether an e-mail address has an
     * account.
     */
    public static boolean check(String password, String hash) {
        boolean ok = matches(password, hash == null ? Absent.HASH : hash);
        return hash != null && ok;
    }

    /** A hash no password matches, made once, when first needed. */
    private static final class Absent {
        static final String HASH = hash(java.util.UUID.randomUUID().toString());
    }

    /** A message key when the password is unacceptable, or null. */
    public static String problem(String password) {
        if (password.length() < MIN_LENGTH) {
            return "account.password.tooShort";
        }
        if (password.length() > MAX_LENGTH) {
            return "account.password.tooLong";
        }
        return null;
    }
}
