package be.stek.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain HTTP client with cookies, for requests a browser would not send: tampered tokens, missing fields,
 * oversized bodies. {@link #post} adds the CSRF token from the cookie unless the form already has one.
 */
public final class Http {
    private final java.util.function.UnaryOperator<String> server;
    private final CookieManager cookies;
    private final HttpClient client;

    public Http(TestServer server) {
        this(server::url, new CookieManager());
    }

    private Http(java.util.function.UnaryOperator<String> server, CookieManager cookies) {
        this.server = server;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The same visitor on connections of its own, already open (another tab, another device with the same cookies):
     * requests sent at once from several twins reach the server at once, none delayed by opening a connection.
     */
    public Http twin() {
        Http twin = new Http(server, cookies);
        twin.get("/healthz");
        return twin;
    }

    /** A visitor of whatever answers at {@code url} (a path to a full address), e.g. a load balancer. */
    public static Http at(java.util.function.UnaryOperator<String> url) {
        return new Http(url, new CookieManager());
    }

    /** The same visitor, same cookies, on another server (another node of the same Stek). */
    public Http on(TestServer other) {
        return new Http(other::url, cookies);
    }

    /** Another client holding a copy of this visitor's cookies now (a copied cookie, another device). */
    public Http copy() {
        CookieManager copy = new CookieManager();
        cookies.getCookieStore().getCookies().forEach(c -> copy.getCookieStore().add(null, c));
        return new Http(server, copy);
    }

    /** A GET of a path on Stek, or of a whole URL (on the package content origin, for example). */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrf());
        return postRaw(path, encode(withToken), "application/x-www-form-urlencoded");
    }

    public HttpResponse<String> postRaw(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http://") ? path : server.apply(path));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token, fetched with a page view if there is none yet. */
    public String csrf() {
        String token = cookie("stek_csrf");
        if (token == null) {
            get("/login");
            token = cookie("stek_csrf");
        }
        return token;
    }

    /** The underlying client, for answers that are not text (a PDF, say); it carries this visitor's cookies. */
    public HttpClient client() {
        return client;
    }

    public String cookie(String name) {
        // The cookie store hands out a live view of its list: a response on another thread (the same visitor posting
        // concurrently) may add a cookie while this reads it, so a read that collided is simply read again.
        for (int attempt = 1; ; attempt++) {
            try {
                return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                        .map(HttpCookie::getValue).findFirst().orElse(null);
            } catch (java.util.ConcurrentModificationException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    public Http signIn(String email) {
        HttpResponse<String> r = post("/login", Map.of("email", email, "password", TestServer.PASSWORD));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
        return this;
    }

    /** Joins a cohort with an invitation code, as a signed-in person who opened the invitation link. */
    public Http join(String code) {
        HttpResponse<String> r = post("/join", Map.of("code", code));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("joining failed: " + r.statusCode() + " " + r.body());
        }
        return this;
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
