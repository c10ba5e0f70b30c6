package be.stek.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of database work on one connection. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
