package be.stek;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything an operator can set, with defaults. Filled from command-line flags, which default to environment
 * variables (see {@link Cli}); logged once at start-up.
 */
public record Config(String host, int port, Path dataDir, Path coursesDir, Path mediaDir, String baseUrl,
                     boolean devMode, List<String> trustedProxies, String orgName, Path orgLogo) {

    public Config {
        trustedProxies = List.copyOf(trustedProxies);
        orgName = orgName == null || orgName.isBlank() ? null : orgName.strip();
    }

    /** Without trusted proxies and without an organisation's name or logo. */
    public Config(String host, int port, Path dataDir, Path coursesDir, Path mediaDir, String baseUrl,
                  boolean devMode) {
        this(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, List.of(), null, null);
    }

    public static Config defaults() {
        return new Config("0.0.0.0", 8080, Path.of("data"), Path.of("courses"), Path.of("media"),
                "http://localhost:8080", false);
    }

    public Config withTrustedProxies(List<String> proxies) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, proxies, orgName, orgLogo);
    }

    public Config withOrganisation(String name, Path logo) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, trustedProxies, name, logo);
    }

    public Path databaseFile() {
        return dataDir.resolve("stek.db");
    }

    public boolean secureCookies() {
        return baseUrl.startsWith("https://");
    }

    @Override
    public String toString() {
        return "host=" + host + " port=" + port + " data=" + dataDir.toAbsolutePath() + " courses="
                + coursesDir.toAbsolutePath() + " media=" + mediaDir.toAbsolutePath() + " base-url=" + baseUrl
                + " dev=" + devMode + " trusted-proxies=" + (trustedProxies.isEmpty() ? "none" : trustedProxies)
                + (orgName == null ? "" : " org-name=" + orgName) + (orgLogo == null ? "" : " org-logo=" + orgLogo);
    }
}
