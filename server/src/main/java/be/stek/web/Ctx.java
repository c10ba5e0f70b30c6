package be.stek.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a handler sees it: path parameters, form fields, the visitor, the language and the clock.
 * Handlers never touch the servlet API directly.
 */
public final class Ctx {
    static final String SESSION_COOKIE = "stek_session";
    static final String CSRF_COOKIE = "stek_csrf";
    static final String LANG_COOKIE = "stek_lang";
    static final String FLASH_COOKIE = "stek_flash";
    static final int MAX_FIELD_LENGTH = 100_000;
    private long maxBody = Router.DEFAULT_MAX_BODY;
    private final String clientAddress;

    /** An uploaded file. */
    public record Upload(String filename, long size, InputStream content) {
    }

    private final HttpServletRequest req;
    private final HttpServletResponse res;
    private final Clock clock;
    private final boolean secureCookies;
    private Map<String, String> params = Map.of();
    private Visitor visitor;
    private Messages messages;
    private String csrfToken;
    /** The session token set during this request ("" after sign-out), or null when the session did not change. */
    private String newSession;
    private Map<String, String> cookies;

    Ctx(HttpServletRequest req, HttpServletResponse res, Clock clock, boolean secureCookies, String clientAddress) {
        this.req = req;
        this.res = res;
        this.clock = clock;
        this.secureCookies = secureCookies;
        this.clientAddress = clientAddress;
        this.messages = Messages.of(Messages.DUTCH);
    }

    void init(Map<String, String> params, Visitor visitor, Messages messages) {
        this.params = params;
        this.visitor = visitor;
        this.messages = messages;
    }

    /** A path parameter, URL-decoded. */
    public String param(String name) {
        String raw = params.get(name);
        if (raw == null) {
            throw new IllegalArgumentException("no path parameter " + name);
        }
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A path parameter that must be a positive whole number; anything else is a 404. */
    public long idParam(String name) {
        try {
            long id = Long.parseLong(param(name));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw HttpError.notFound("error.notFound");
    }

    /** A required form field; missing or blank is a 400 that names the field. */
    public String form(String name) {
        return formOpt(name).orElseThrow(() -> HttpError.badRequest("error.missingField", name));
    }

    /** An optional form field, trimmed; blank counts as absent. */
    public Optional<String> formOpt(String name) {
        String value = req.getParameter(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_FIELD_LENGTH) {
            throw HttpError.badRequest("error.fieldTooLong", name);
        }
        return Optional.of(value.strip());
    }

    /** Every value of a repeated field (checkboxes). */
    public List<String> formValues(String name) {
        String[] values = req.getParameterValues(name);
        return values == null ? List.of() : Arrays.stream(values).filter(v -> !v.isBlank()).toList();
    }

    /** Sets a response header (a handler's own Content-Security-Policy, for example). */
    public void responseHeader(String name, String value) {
        res.setHeader(name, value);
    }

    /** The origin the browser addressed this request to: {@code http://host:port} from the Host header. */
    public String origin() {
        String host = req.getHeader("Host");
        return req.getScheme() + "://" + (host == null || host.isBlank() ? req.getServerName() : host);
    }

    /** The host name the browser addressed this request to, without its port. */
    public String hostName() {
        return req.getServerName();
    }

    /** A query-string parameter, or null. */
    public String query(String name) {
        return req.getParameter(name);
    }

    /** The raw request body as text; a body longer than the route's limit (chunked too) is refused with 413. */
    public String body() throws IOException {
        byte[] bytes = req.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        if (bytes.length > maxBody) {
            throw new HttpError(413, "error.tooLarge");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void limitBody(long maxBody) {
        this.maxBody = maxBody;
    }

    public String contentType() {
        return req.getContentType() == null ? "" : req.getContentType();
    }

    /** An uploaded file from a multipart form, or empty. */
    public Optional<Upload> upload(String name) throws IOException {
        try {
            Part part = req.getPart(name);
            if (part == null || part.getSize() == 0) {
                return Optional.empty();
            }
            return Optional.of(new Upload(part.getSubmittedFileName(), part.getSize(), part.getInputStream()));
        } catch (jakarta.servlet.ServletException e) {
            throw HttpError.badRequest("error.notMultipart");
        }
    }

    public Visitor user() {
        if (visitor == null) {
            throw new HttpError(401, "error.signInFirst");
        }
        return visitor;
    }

    public Optional<Visitor> maybeUser() {
        return Optional.ofNullable(visitor);
    }

    public Messages messages() {
        return messages;
    }

    public String language() {
        return messages.language();
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public String header(String name) {
        return req.getHeader(name);
    }

    public String path() {
        return req.getRequestURI();
    }

    /** The client's network address: the connection's, or the one a trusted proxy forwarded. */
    public String clientAddress() {
        return clientAddress;
    }

    /** True when a script asked for an HTML fragment instead of a full page. */
    public boolean wantsFragment() {
        return "1".equals(req.getHeader("X-Stek-Fragment"));
    }

    public boolean wantsJson() {
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    public String cookie(String name) {
        if (cookies == null) {
            Cookie[] all = req.getCookies();
            cookies = new java.util.HashMap<>();
            if (all != null) {
                for (Cookie c : all) {
                    cookies.putIfAbsent(c.getName(), c.getValue());
                }
            }
        }
        return cookies.get(name);
    }

    /** Sets an HttpOnly, SameSite=Lax cookie; {@code maxAgeSeconds} 0 deletes it, -1 makes it last the session. */
    public void setCookie(String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        res.addCookie(cookie);
    }

    /** Signs the visitor in with a new session; the CSRF token changes with it. */
    public void setSessionCookie(String token) {
        setCookie(SESSION_COOKIE, token, -1);
        newSession = token;
        csrfToken = null;
        csrfToken();
    }

    /** Signs the visitor out; they get a new CSRF token for anonymous forms. */
    public void clearSessionCookie() {
        setCookie(SESSION_COOKIE, "", 0);
        newSession = "";
        csrfToken = Tokens.random();
        setCookie(CSRF_COOKIE, csrfToken, -1);
    }

    public String sessionToken() {
        return cookie(SESSION_COOKIE);
    }

    public void setLanguageCookie(String language) {
        setCookie(LANG_COOKIE, language, 365 * 24 * 3600);
    }

    /**
     * The visitor's CSRF token. Signed in, it is derived from the session token, so it changes at every sign-in and a
     * token seen before (or planted in a cookie) is worth nothing after it; the cookie then merely mirrors it.
     * Anonymous, it is a random token kept in a cookie (double submit), which protects the sign-in and sign-up forms.
     */
    public String csrfToken() {
        if (csrfToken == null) {
            String session = newSession != null ? newSession : visitor != null ? sessionToken() : null;
            if (session != null && !session.isEmpty()) {
                csrfToken = Tokens.csrf(session);
                if (!csrfToken.equals(cookie(CSRF_COOKIE))) {
                    setCookie(CSRF_COOKIE, csrfToken, -1);
                }
            } else {
                csrfToken = cookie(CSRF_COOKIE);
                if (csrfToken == null || csrfToken.length() != Tokens.LENGTH) {
                    csrfToken = Tokens.random();
                    setCookie(CSRF_COOKIE, csrfToken, -1);
                }
            }
        }
        return csrfToken;
    }

    /** The token a form or script sent with a state-changing request. */
    String submittedCsrfToken() {
        String header = req.getHeader("X-CSRF-Token");
        return header != null ? header : req.getParameter("_csrf");
    }

    HttpServletRequest request() {
        return req;
    }

    HttpServletResponse response() {
        return res;
    }
}
