package be.stek;

import be.stek.store.DataCopy;
import be.stek.store.Database;
import be.stek.store.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stek copy-data}: moves an organisation's data from one database to another (SQLite, PostgreSQL). */
@Command(name = "copy-data", description = {"Copy every table from one database into a new, empty one (either store),"
        + " keeping ids, and check the row counts. Both are first brought to the current schema. Stop the servers"
        + " using the source first."})
final class CopyDataCommand implements Callable<Integer> {
    /** A copy is one transaction on the target; it may take minutes for a large organisation. */
    private static final Database.Limits UNHURRIED = new Database.Limits(Duration.ofHours(12), 10);

    @Option(names = "--from", required = true, paramLabel = "DATABASE", description = "sqlite:FILE or"
            + " postgresql://USER@HOST:PORT/DATABASE")
    String from;
    @Option(names = "--to", required = true, paramLabel = "DATABASE", description = "the same forms; must be empty")
    String to;
    @Option(names = "--from-password-file", description = "PostgreSQL password of the source (default:"
            + " STEK_DATABASE_PASSWORD)")
    Path fromPassword;
    @Option(names = "--to-password-file", description = "PostgreSQL password of the target (default:"
            + " STEK_DATABASE_PASSWORD)")
    Path toPassword;

    @Override
    public Integer call() {
        DatabaseUrl source;
        DatabaseUrl target;
        try {
            source = DatabaseUrl.parse(from, password(fromPassword));
            target = DatabaseUrl.parse(to, password(toPassword));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (source.vendor() == DatabaseUrl.Vendor.SQLITE && !Files.isRegularFile(source.file())) {
            System.err.println("no database file at " + source.file().toAbsolutePath());
            return 2;
        }
        long t0 = System.nanoTime();
        try (Database in = Database.open(source, UNHURRIED); Database out = Database.open(target, UNHURRIED)) {
            List<DataCopy.Copied> copied = DataCopy.copy(in, out);
            long rows = 0;
            for (DataCopy.Copied c : copied) {
                System.out.printf("%-26s %,12d%n", c.table(), c.rows());
                rows += c.rows();
            }
            System.out.printf("copied %,d rows in %d tables from %s to %s in %.1f s; every table's count matches%n",
                    rows, copied.size(), source, target, (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (DataCopy.TargetNotEmpty | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static String password(Path file) {
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password file " + file + ": " + e.getMessage());
            }
        }
        String env = System.getenv("STEK_DATABASE_PASSWORD");
        return env == null || env.isEmpty() ? null : env;
    }
}
