package be.stek.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where Stek may send a browser: only a path on this site. The target is parsed as a URI, not matched against
 * patterns: it must be a valid URI reference (no literal tab, space or backslash), with no scheme and no authority,
 * and its path must start with one slash, and neither the raw nor the decoded path may begin like another host
 * ({@code //}, {@code /\}, also with tabs or encoded characters in between). Anything else is refused, and the caller
 * uses its own safe default.
 */
public final class RedirectTarget {
    private RedirectTarget() {
    }

    /** The same-site path (with its query and fragment) to send the browser to, or empty. */
    public static Optional<String> sameSite(String target) {
        if (target == null || target.isEmpty() || !target.startsWith("/") || target.startsWith("//")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String raw = uri.getRawPath();
        if (uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() != null || raw == null
                || !raw.startsWith("/") || leavesSite(raw) || leavesSite(uri.getPath())) {
            return Optional.empty();
        }
        return Optional.of(uri.toASCIIString());
    }

    /**
     * True when a browser that strips control characters and spaces (or a proxy that decodes the path) would read the
     * path as {@code //host} or {@code /\host}: a slash, then only such characters, then a slash or backslash.
     */
    private static boolean leavesSite(String path) {
        int i = 1;
        while (i < path.length() && (path.charAt(i) <= ' ' || path.charAt(i) == 0x7f)) {
            i++;
        }
        return i < path.length() && (path.charAt(i) == '/' || path.charAt(i) == '\\');
    }
}
