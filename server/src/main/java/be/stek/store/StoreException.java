package be.stek.store;

import java.sql.SQLException;

/** A database failure that callers do not handle one by one: it becomes a 500 page, logged once. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the failure is a violated UNIQUE constraint (a duplicate). */
    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException sql && sql.getMessage() != null
                && sql.getMessage().contains("UNIQUE constraint failed");
    }
}
