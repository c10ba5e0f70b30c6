package be.stek.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The --database address as an operator writes it, and what is refused with a message that says why. */
class DatabaseUrlTest {

    @Test
    void sqlite_names_a_file() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:data/stek.db", null);
        assertEquals(DatabaseUrl.Vendor.SQLITE, url.vendor());
        assertEquals(Path.of("data/stek.db"), url.file());
        assertTrue(url.jdbcUrl().startsWith("jdbc:sqlite:/"), url.jdbcUrl());
    }

    @Test
    void postgresql_names_user_host_port_database_and_driver_options() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://stek@db.example.be:5433/stek?sslmode=require", "geheim");
        assertEquals(DatabaseUrl.Vendor.POSTGRESQL, url.vendor());
        assertEquals("jdbc:postgresql://db.example.be:5433/stek?sslmode=require", url.jdbcUrl());
        assertEquals("stek", url.user());
        assertEquals("geheim", url.password());
        assertEquals("stek", url.databaseName());
        assertEquals("jdbc:postgresql://db.example.be:5433/andere?sslmode=require",
                url.withDatabase("andere").jdbcUrl());
        assertFalse(url.toString().contains("geheim"), "the password is never shown: " + url);
    }

    @Test
    void a_password_in_the_address_a_missing_user_or_an_unknown_scheme_is_refused_with_the_reason() {
        var inAddress = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("postgresql://stek:geheim@localhost/stek", null));
        assertTrue(inAddress.getMessage().contains("STEK_DATABASE_PASSWORD"), inAddress.getMessage());
        var noUser = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("postgresql://localhost/stek", null));
        assertTrue(noUser.getMessage().contains("needs a user"), noUser.getMessage());
        var mysql = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://a@b/c", null));
        assertTrue(mysql.getMessage().contains("sqlite:FILE or postgresql://"), mysql.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("sqlite:", null));
    }
}
