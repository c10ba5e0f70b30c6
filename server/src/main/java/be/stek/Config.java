package be.stek;

import be.stek.store.DatabaseUrl;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything an operator can set, with defaults. Filled from command-line flags, which default to environment
 * variables (see {@link Cli}); logged once at start-up. {@code database} null means the SQLite file
 * {@code <dataDir>/stek.db}.
 */
public record Config(String host, int port, Path dataDir, Path coursesDir, Path mediaDir, String baseUrl,
                     boolean devMode, List<String> trustedProxies, DatabaseUrl database) {

    public Config {
        trustedProxies = List.copyOf(trustedProxies);
        if (database == null) {
            database = DatabaseUrl.sqlite(dataDir.resolve("stek.db"));
        }
    }

    /** Without trusted proxies: every request's own address is its client's. */
    public Config(String host, int port, Path dataDir, Path coursesDir, Path mediaDir, String baseUrl,
                  boolean devMode) {
        this(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, List.of(), null);
    }

    public static Config defaults() {
        return new Config("0.0.0.0", 8080, Path.of("data"), Path.of("courses"), Path.of("media"),
                "http://localhost:8080", false);
    }

    public Config withTrustedProxies(List<String> proxies) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, proxies, database);
    }

    public Config withDatabase(DatabaseUrl url) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, trustedProxies, url);
    }

    public boolean secureCookies() {
        return baseUrl.startsWith("https://");
    }

    @Override
    public String toString() {
        return "host=" + host + " port=" + port + " data=" + dataDir.toAbsolutePath() + " database=" + database
                + " courses=" + coursesDir.toAbsolutePath() + " media=" + mediaDir.toAbsolutePath() + " base-url="
                + baseUrl + " dev=" + devMode + " trusted-proxies=" + (trustedProxies.isEmpty() ? "none" : trustedProxies);
    }
}
