package be.stek.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where mail goes: an SMTP server, read from {@code smtp://[USER@]HOST[:PORT][?tls=none|starttls|tls&from=ADDRESS]}
 * ({@code --smtp}). The password never sits in the address (it would show in logs and process lists): it comes from
 * {@code STEK_SMTP_PASSWORD} or a file. The port defaults by TLS mode: 587 (starttls, the default), 465 (tls), 25.
 */
public record SmtpSettings(String host, int port, Tls tls, String user, String password, String from) {

    /** How the connection is protected: not at all, upgraded after connecting, or TLS from the first byte. */
    public enum Tls {
        NONE, STARTTLS, TLS
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--smtp needs a host name: smtp://HOST:PORT");
        }
        if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("--smtp needs a sender address: smtp://HOST:PORT?from=stek@example.be");
        }
    }

    /** Parses {@code --smtp}; {@code password} may be null (a server that needs no sign-in). */
    public static SmtpSettings parse(String address, String password) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--smtp is not an address like smtp://HOST:PORT: " + e.getMessage());
        }
        if (!"smtp".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("--smtp must start with smtp://");
        }
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            throw new IllegalArgumentException("put the SMTP password in STEK_SMTP_PASSWORD or --smtp-password-file,"
                    + " not in --smtp");
        }
        Map<String, String> query = query(uri.getRawQuery());
        Tls tls = tls(query.getOrDefault("tls", "starttls"));
        int port = uri.getPort() > 0 ? uri.getPort() : switch (tls) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        return new SmtpSettings(uri.getHost(), port, tls, user == null || user.isEmpty() ? null : user, password,
                query.get("from"));
    }

    private static Tls tls(String value) {
        try {
            return Tls.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--smtp tls= must be none, starttls or tls, not " + value);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** For the start-up log line: everything but the password. */
    @Override
    public String toString() {
        return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + "?tls=" + tls.name().toLowerCase(Locale.ROOT)
                + "&from=" + from + (password == null ? "" : " (with password)");
    }
}
