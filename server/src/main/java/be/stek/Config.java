package be.stek;

import be.stek.mail.SmtpSettings;
import be.stek.store.DatabaseUrl;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything an operator can set, with defaults. Filled from command-line flags, which default to environment
 * variables (see {@link Cli}); logged once at start-up. {@code database} null means the SQLite file
 * {@code <dataDir>/stek.db}.
 */
public record Config(String host, int port, Path dataDir, Path coursesDir, Path mediaDir, String baseUrl,
                     boolean devMode, List<String> trustedProxies, Content content, String orgName, Path orgLogo,
                     DatabaseUrl database, MailSettings mail) {

    /**
     * How mail goes out: through {@code smtp}, or into {@code <data>/outbox/} when that is null; reminders go
     * {@code reminderDays} days before a due date (and on the day after it).
     */
    public record MailSettings(SmtpSettings smtp, int reminderDays) {
        public static final int DEFAULT_REMINDER_DAYS = 3;
        public static final MailSettings OUTBOX = new MailSettings(null, DEFAULT_REMINDER_DAYS);

        public MailSettings {
            if (reminderDays < 1 || reminderDays > 60) {
                throw new IllegalArgumentException("--reminder-days must be between 1 and 60, not " + reminderDays);
            }
        }
    }

    /**
     * Where imported SCORM packages are served: their own origin, on {@code port} (0: any free port), at
     * {@code baseUrl} (null: the host name of each request, on that port), with {@code csp} as the
     * Content-Security-Policy of package files (Stek adds who may frame them).
     */
    public record Content(int port, String baseUrl, String csp) {
        /** Packages may load scripts, styles, fonts and media from the internet (https) and from themselves. */
        public static final String DEFAULT_CSP = "default-src 'self' https: 'unsafe-inline' 'unsafe-eval' data: blob:; "
                + "object-src 'none'";

        /**
         * The default: the port after Stek's (the one before it when Stek's is 65535; any free port when Stek's is
         * 0), the request's host name.
         */
        public static Content besides(int stekPort) {
            return new Content(stekPort == 0 ? 0 : stekPort == 65535 ? 65534 : stekPort + 1, null, DEFAULT_CSP);
        }
    }

    public Config {
        trustedProxies = List.copyOf(trustedProxies);
        orgName = orgName == null || orgName.isBlank() ? null : orgName.strip();
        if (mail == null) {
            mail = MailSettings.OUTBOX;
        }
        if (database == null) {
            database = DatabaseUrl.sqlite(dataDir.resolve("stek.db"));
        }
        if (content.port() != 0 && content.port() == port) {
            throw new IllegalArgumentException("the content port must differ from the port (" + port + ")");
        }
    }

    /**
     * Without trusted proxies (every request's own address is its client's), package content on the next port, and
     * without an organisation's name or logo.
     */
    public Config(String host, int port, Path dataDir, Path coursesDir, Path mediaDir, String baseUrl,
                  boolean devMode) {
        this(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, List.of(), Content.besides(port), null, null,
                null, null);
    }

    public static Config defaults() {
        return new Config("0.0.0.0", 8080, Path.of("data"), Path.of("courses"), Path.of("media"),
                "http://localhost:8080", false);
    }

    public Config withTrustedProxies(List<String> proxies) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, proxies, content, orgName, orgLogo,
                database, mail);
    }

    public Config withContent(Content settings) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, trustedProxies, settings, orgName,
                orgLogo, database, mail);
    }

    public Config withOrganisation(String name, Path logo) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, trustedProxies, content, name,
                logo, database, mail);
    }

    public Config withDatabase(DatabaseUrl url) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, trustedProxies, content, orgName,
                orgLogo, url, mail);
    }

    public Config withMail(MailSettings settings) {
        return new Config(host, port, dataDir, coursesDir, mediaDir, baseUrl, devMode, trustedProxies, content, orgName,
                orgLogo, database, settings);
    }


    public boolean secureCookies() {
        return baseUrl.startsWith("https://");
    }

    @Override
    public String toString() {
        return "host=" + host + " port=" + port + " data=" + dataDir.toAbsolutePath() + " database=" + database + " courses="
                + coursesDir.toAbsolutePath() + " media=" + mediaDir.toAbsolutePath() + " base-url=" + baseUrl
                + " dev=" + devMode + " trusted-proxies=" + (trustedProxies.isEmpty() ? "none" : trustedProxies)
                + " content-port=" + content.port() + " content-base-url="
                + (content.baseUrl() == null ? "(request host):" + content.port() : content.baseUrl())
                + " package-csp=\"" + content.csp() + "\""
                + " mail=" + (mail.smtp() == null ? "outbox" : mail.smtp()) + " reminder-days=" + mail.reminderDays()
                + (orgName == null ? "" : " org-name=" + orgName) + (orgLogo == null ? "" : " org-logo=" + orgLogo);
    }
}
