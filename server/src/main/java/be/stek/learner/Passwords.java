package be.stek.learner;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;

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

    /**
     * At most this many hashes are computed at once (each takes 19 MiB): a flood of sign-ups or sign-ins waits its
     * turn instead of filling the heap.
     */
    private static final Semaphore AT_ONCE = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    /** Checked when an e-mail has no account, so that a wrong e-mail takes as long to refuse as a wrong password. */
    private static final class Dummy {
        static final String HASH = hash("no account has this password: " + System.nanoTime());
    }

    public static String hash(String password) {
        AT_ONCE.acquireUninterruptibly();
        try {
            return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
        } finally {
            AT_ONCE.release();
        }
    }

    /**
     * True when the password matches the hash. A missing hash (no such account) is checked against a hash no password
     * matches: it takes as long and fails, so the time taken does not tell whether an e-mail address has an account.
     */
    public static boolean matches(String password, String hash) {
        String against = hash == null ? Dummy.HASH : hash;
        AT_ONCE.acquireUninterruptibly();
        try {
            boolean ok = Password.check(password, against).with(Argon2Function.getInstanceFromHash(against));
            return ok && hash != null;
        } finally {
            AT_ONCE.release();
        }
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
