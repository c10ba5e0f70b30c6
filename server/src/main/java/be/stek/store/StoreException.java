package be.stek.store;

import java.sql.SQLException;

/** A database failure that callers do not handle one by one: it becomes a 500 page, logged once. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
