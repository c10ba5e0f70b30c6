package be.stek.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a method and path to a handler. Paths are literal segments and {@code {name}} parameters; a last
 * segment {@code {name...}} takes the rest of the path. Routes are tried in the order they were added.
 */
public final class Router {
    /** Default limit for a request body. */
    public static final long DEFAULT_MAX_BODY = 256 * 1024;

    /**
     * One route; {@code maxBody} bounds the request body, {@code csrf} says whether a token is required and
     * {@code upload} whether it takes a multipart body (a file): every other route refuses multipart unread.
     */
    public record Route(String method, String path, String[] segments, Access access, Handler handler, long maxBody,
                        boolean csrf, boolean upload) {
    }

    /** A matched route and its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String path, Access access, Handler handler) {
        return add("GET", path, access, handler, DEFAULT_MAX_BODY, false);
    }

    public Router post(String path, Access access, Handler handler) {
        return add("POST", path, access, handler, DEFAULT_MAX_BODY, true);
    }

    /** A POST with its own body limit (a SCORM commit, for example). */
    public Router post(String path, Access access, long maxBody, Handler handler) {
        return add("POST", path, access, handler, maxBody, true);
    }

    /** A POST that takes a file as a multipart form, up to {@code maxBody} bytes. */
    public Router upload(String path, Access access, long maxBody, Handler handler) {
        routes.add(new Route("POST", path, split(path), access, handler, maxBody, true, true));
        return this;
    }

    public Router add(String method, String path, Access access, Handler handler, long maxBody, boolean csrf) {
        routes.add(new Route(method, path, split(path), access, handler, maxBody, csrf, false));
        return this;
    }

    /** The paths of upload routes: their bodies are streamed to the handler, not read ahead. */
    public List<String> uploadPaths() {
        return routes.stream().filter(Route::upload).map(Route::path).toList();
    }

    /** Finds the route for a method and path; empty when nothing matches. */
    public Optional<Match> match(String method, String path) {
        String[] parts = split(path);
        for (Route route : routes) {
            if (route.method().equals(method) && fits(route.segments(), parts)) {
                return Optional.of(new Match(route, matchSegments(route.segments(), parts)));
            }
        }
        return Optional.empty();
    }

    /** Checks literal segments and length without allocating: most routes fail here, on every request. */
    private static boolean fits(String[] pattern, String[] parts) {
        boolean rest = pattern.length > 0 && pattern[pattern.length - 1].endsWith("...}");
        if (rest ? parts.length < pattern.length : parts.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (!(p.startsWith("{") && p.endsWith("}")) && !p.equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /** True if some route, of any method, matches the path (so the answer is 405 rather than 404). */
    public boolean matchesAnyMethod(String path) {
        String[] parts = split(path);
        return routes.stream().anyMatch(r -> matchSegments(r.segments(), parts) != null);
    }

    private static Map<String, String> matchSegments(String[] pattern, String[] parts) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("...}")) {
                if (i >= parts.length) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 4), String.join("/", List.of(parts).subList(i, parts.length)));
                return params;
            }
            if (i >= parts.length) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return pattern.length == parts.length ? params : null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
