package be.stek.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store's schema up to date with Flyway: the shared migrations in {@code db/migration} and the store's own
 * in {@code db/vendor/<store>} (see {@code db/README.md}). On PostgreSQL Flyway holds a lock while it migrates, so
 * several nodes starting at once apply each migration once.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static void apply(DatabaseUrl url) {
        apply(url, Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password()));
    }

    static void apply(DatabaseUrl url, DataSource dataSource) {
        apply(url, Flyway.configure().dataSource(dataSource));
    }

    private static void apply(DatabaseUrl url, org.flywaydb.core.api.configuration.FluentConfiguration config) {
        // Nodes that start together wait for the one that migrates (Flyway's lock), however long the migration takes:
        // Flyway's default gives up after 50 tries of a second, and a node then stops at start-up.
        var result = config
                .lockRetryCount(3600)
                .locations("classpath:db/migration", "classpath:db/vendor/" + url.vendor().key())
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("database {}: applied {} migration(s), now at version {}", url, result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }
}
