package be.stek.web;

import be.stek.core.Unavailable;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one servlet behind every dynamic page: it resolves the visitor and language, matches the route, checks
 * access, body size and CSRF token, calls the handler and writes its result. Errors are caught here, once: an
 * {@link HttpError} becomes its status with a page or JSON body; anything else is logged and answered with 500.
 */
public final class FrontServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(FrontServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Router router;
    private final transient Templates templates;
    private final transient SessionLookup sessions;
    private final transient Clock clock;
    private final boolean secureCookies;
    private final transient ClientAddress clientAddress;
    private final Organisation organisation;
    private final transient FileSender files = new FileSender();

    public FrontServlet(Router router, Templates templates, SessionLookup sessions, Clock clock, boolean secureCookies,
                        ClientAddress clientAddress, Organisation organisation) {
        this.router = router;
        this.templates = templates;
        this.sessions = sessions;
        this.clock = clock;
        this.secureCookies = secureCookies;
        this.clientAddress = clientAddress;
        this.organisation = organisation;
    }

    /**
     * The front servlet of the package content origin: the same routing, errors and results, but no visitor (a Stek
     * session cookie that reaches it is ignored), no CSRF token and no flash message, so it never sets a cookie.
     * Its routes authorise requests themselves (with launch tokens).
     */
    public static FrontServlet withoutSessions(Router router, Templates templates, Clock clock,
                                               ClientAddress clientAddress) {
        return new FrontServlet(router, templates, null, clock, false, clientAddress, Organisation.NONE);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Ctx ctx = new Ctx(req, res, clock, secureCookies, clientAddress.of(req));
        be.stek.store.RequestVersions.begin();
        try {
            handle(ctx);
        } catch (HttpError e) {
            writeError(ctx, e.status(), ctx.messages().get(e.messageKey(), e.args()));
        } catch (Unavailable e) {
            log.warn("{} {}: 503, {}", req.getMethod(), req.getRequestURI(), e.getMessage());
            writeError(ctx, 503, ctx.messages().get("error.unavailable"),
                    Map.of("Retry-After", String.valueOf(e.retryAfterSeconds())));
        } catch (BadMessageException e) {
            int status = e.getCode() == 413 || isFormTooLarge(e) ? 413 : 400;
            writeError(ctx, status, ctx.messages().get(status == 413 ? "error.tooLarge" : "error.malformed"));
        } catch (org.eclipse.jetty.io.EofException e) {
            // The client went away while the answer was being written (a closed tab, a load generator stopping):
            // nothing is wrong with Stek, and there is nobody to answer.
            log.debug("{} {}: client gone while answering", req.getMethod(), req.getRequestURI());
        } catch (Exception | StackOverflowError e) {
            if (isFormTooLarge(e)) {
                writeError(ctx, 413, ctx.messages().get("error.tooLarge"));
                return;
            }
            log.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            writeError(ctx, 500, ctx.messages().get("error.internal"));
        } finally {
            be.stek.store.RequestVersions.end();
        }
    }

    private void handle(Ctx ctx) throws Exception {
        HttpServletRequest req = ctx.request();
        String method = "HEAD".equals(req.getMethod()) ? "GET" : req.getMethod();
        String path = req.getRequestURI();
        Visitor visitor = lookupVisitor(ctx);
        ctx.init(Map.of(), visitor, Messages.of(language(ctx, visitor)));
        Router.Match match = router.match(method, path).orElseThrow(() -> router.matchesAnyMethod(path)
                ? new HttpError(405, "error.methodNotAllowed") : HttpError.notFound("error.notFound"));
        ctx.init(match.params(), visitor, ctx.messages());
        checkBody(ctx, match.route());
        if (!allowed(visitor, match.route().access())) {
            if (visitor == null && "GET".equals(method)) {
                write(ctx, Result.redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
                return;
            }
            throw visitor == null ? new HttpError(401, "error.signInFirst") : HttpError.forbidden("error.forbidden");
        }
        if (match.route().csrf() && (sessions == null || !Tokens.same(ctx.submittedCsrfToken(), ctx.csrfToken()))) {
            throw HttpError.forbidden("error.csrf");
        }
        write(ctx, match.route().handler().handle(ctx));
    }

    private Visitor lookupVisitor(Ctx ctx) {
        if (sessions == null) {
            return null;
        }
        String token = ctx.sessionToken();
        return token == null || token.isEmpty() ? null : sessions.visitor(token).orElse(null);
    }

    private static String language(Ctx ctx, Visitor visitor) {
        if (visitor != null && visitor.language() != null) {
            return visitor.language();
        }
        String cookie = ctx.cookie(Ctx.LANG_COOKIE);
        return Messages.isSupported(cookie) ? cookie : Messages.DUTCH;
    }

    private static boolean allowed(Visitor visitor, Access access) {
        return switch (access) {
            case PUBLIC -> true;
            case SIGNED_IN -> visitor != null;
            case FACILITATOR -> visitor != null && visitor.isFacilitator();
            case ADMIN -> visitor != null && visitor.isAdmin();
        };
    }

    /**
     * Refuses, before anything reads it, a body that is declared too large or that is a multipart form sent to a
     * route that takes no file (it would otherwise be spooled to disk to find a CSRF token). A chunked body has no
     * declared length: {@link Ctx#body()} stops at the route's limit, and WebServer's handlers bound forms and
     * every other body at the edge.
     */
    private static void checkBody(Ctx ctx, Router.Route route) {
        HttpServletRequest req = ctx.request();
        if (req.getContentLengthLong() > route.maxBody()) {
            throw new HttpError(413, "error.tooLarge");
        }
        if (!route.upload() && ctx.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw new HttpError(415, "error.noFileExpected");
        }
        ctx.limitBody(route.maxBody());
    }

    private static boolean isFormTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Form is larger than max") || m.contains("too large")
                    || m.contains("exceeds max"))) {
                return true;
            }
        }
        return false;
    }

    private void write(Ctx ctx, Result result) throws IOException {
        HttpServletResponse res = ctx.response();
        if (result instanceof Result.Page page) {
            writePage(ctx, page.template(), page.model(), page.status());
        } else if (result instanceof Result.Redirect r) {
            if (r.flashKey() != null) {
                ctx.setCookie(Ctx.FLASH_COOKIE, r.flashKey(), -1);
            }
            res.setHeader("Location", RedirectTarget.sameSite(r.location()).orElseGet(() -> {
                log.warn("refused to redirect {} {} off-site", ctx.request().getMethod(), ctx.path());
                return "/";
            }));
            res.setStatus(303);
        } else if (result instanceof Result.Json json) {
            writeJson(res, json.status(), json.body());
        } else if (result instanceof Result.Download d) {
            fileHeaders(res, d.contentType(), d.filename(), d.inline());
            res.setContentLength(d.bytes().length);
            res.getOutputStream().write(d.bytes());
        } else if (result instanceof Result.Stream d) {
            fileHeaders(res, d.contentType(), d.filename(), false);
            d.body().writeTo(res.getOutputStream());
        } else if (result instanceof Result.File f) {
            files.send(ctx.request(), f);
        }
    }

    private static void fileHeaders(HttpServletResponse res, String contentType, String filename, boolean inline) {
        res.setContentType(contentType);
        res.setHeader("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\""
                + filename.replace("\"", "") + "\"");
        res.setHeader("Cache-Control", "no-store");
    }

    private void writePage(Ctx ctx, String template, Map<String, Object> model, int status) throws IOException {
        Map<String, Object> full = new HashMap<>(model);
        full.put("visitor", ctx.maybeUser().orElse(null));
        full.put("csrf", sessions == null ? "" : ctx.csrfToken());
        full.put("currentPath", ctx.path());
        full.put("org", organisation);
        full.put("flash", sessions == null ? null : takeFlash(ctx));
        // Encoded in one go: the servlet Writer encodes character by character, which made it the slowest step.
        byte[] html = templates.render(template, full, ctx.messages()).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse res = ctx.response();
        res.setStatus(status);
        res.setContentType("text/html;charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(html.length);
        res.getOutputStream().write(html);
    }

    private static String takeFlash(Ctx ctx) {
        String key = ctx.cookie(Ctx.FLASH_COOKIE);
        if (key == null || key.isEmpty()) {
            return null;
        }
        ctx.setCookie(Ctx.FLASH_COOKIE, "", 0);
        return key.matches("[a-zA-Z.]{1,80}") ? ctx.messages().get(key) : null;
    }

    private static void writeJson(HttpServletResponse res, int status, Object body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json;charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        JSON.writeValue(res.getOutputStream(), body);
    }

    private void writeError(Ctx ctx, int status, String message) throws IOException {
        writeError(ctx, status, message, Map.of());
    }

    private void writeError(Ctx ctx, int status, String message, Map<String, String> headers) throws IOException {
        HttpServletResponse res = ctx.response();
        if (res.isCommitted()) {
            // Part of the answer is already on its way (a streamed download): it cannot become an error page any
            // more, and ending it normally would hand the browser a shorter file that looks whole. Throwing makes
            // Jetty cut the connection without the last chunk, so the browser reports a failed download.
            throw new IOException(status + " after the answer had started: " + message);
        }
        res.reset();
        headers.forEach(res::setHeader);
        if (ctx.wantsJson() || ctx.path().startsWith("/api/")) {
            writeJson(res, status, Map.of("error", message, "status", status));
            return;
        }
        try {
            writePage(ctx, "error", Result.model("status", status, "message", message), status);
        } catch (RuntimeException e) {
            log.error("error page failed", e);
            res.setStatus(status);
            res.setContentType("text/plain;charset=utf-8");
            res.getWriter().write(message);
        }
    }
}
