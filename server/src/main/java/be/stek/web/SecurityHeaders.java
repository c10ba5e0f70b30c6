package be.stek.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Security headers on every response. Stek's own pages allow only their own scripts and styles. Third-party SCORM
 * content lives on its own origin (its own connector, see {@link WebServer#addContentOrigin}): its handlers set the
 * package policy and who may frame it; anything else there (an error, a refused token) gets a policy that allows
 * nothing, and no page there sends a referrer (its addresses carry launch tokens).
 *
 * <p>The headers are added when the response is committed (by wrapping the request's stream), not when the request
 * arrives: an error path resets the response and clears every header set before, so headers set up front were lost
 * on exactly the pages (404, 413, 500) an attacker provokes. A header a handler set itself is left as it is.
 */
public final class SecurityHeaders extends Handler.Wrapper {
    static final String OWN_PAGES = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
            + "script-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";
    /** What the content origin answers without a launch (an error page): nothing runs, nothing frames it. */
    static final String CONTENT_DEFAULT = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean content = WebServer.onContentOrigin(request);
        request.addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
            @Override
            public void prepareResponse(HttpFields.Mutable headers) {
                apply(headers, content);
                super.prepareResponse(headers);
            }
        });
        return super.handle(request, response, callback);
    }

    static void apply(HttpFields.Mutable headers, boolean content) {
        putIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        if (content) {
            headers.put("Referrer-Policy", "no-referrer");
            putIfAbsent(headers, "Content-Security-Policy", CONTENT_DEFAULT);
            return;
        }
        putIfAbsent(headers, "Referrer-Policy", "same-origin");
        putIfAbsent(headers, "X-Frame-Options", "SAMEORIGIN");
        putIfAbsent(headers, "Content-Security-Policy", OWN_PAGES);
    }

    /** Stek's own policy for a page that frames package content from {@code contentOrigin} (the player). */
    public static String framing(String contentOrigin) {
        return OWN_PAGES.replace("frame-src 'self';", "frame-src 'self' " + contentOrigin + ";");
    }

    private static void putIfAbsent(HttpFields.Mutable headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.put(name, value);
        }
    }

    /** The statuses with a title of their own in the messages ({@code error.title.N}). */
    private static final java.util.Set<Integer> TITLED = java.util.Set.of(400, 401, 403, 404, 405, 409, 410, 413, 429,
            500, 503);

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Jetty's own error pages for requests that never reach Stek's servlet (a malformed request line, a limit at the
     * edge, a node that is stopping): the same headers, no stack traces, and Stek's words in Dutch and English.
     */
    static ErrorHandler errorHandler() {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                apply(response.getHeaders(), WebServer.onContentOrigin(request));
                return super.handle(request, response, callback);
            }

            /** The page in Stek's words, Dutch first, then English (Jetty's own is "HTTP ERROR 503"). */
            @Override
            protected void writeErrorHtml(Request request, java.io.Writer writer, java.nio.charset.Charset charset,
                                          int code, String message, Throwable cause) throws java.io.IOException {
                Messages nl = Messages.of("nl");
                Messages en = Messages.of("en");
                String title = "error.title." + (TITLED.contains(code) ? code : code >= 500 ? 500 : 400);
                String text = code == 503 ? "error.unavailable" : code == 413 ? "error.tooLarge"
                        : code == 404 ? "error.notFound" : code >= 500 ? "error.internal" : "error.malformed";
                writer.write("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"" + charset.name()
                        + "\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                        + escape(nl.get(title)) + " · Stek</title></head><body><main><h1>" + escape(nl.get(title))
                        + "</h1><p>" + escape(nl.get(text)) + "</p><div lang=\"en\"><h2>" + escape(en.get(title))
                        + "</h2><p>" + escape(en.get(text)) + "</p></div></main></body></html>\n");
            }
        };
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        return handler;
    }
}
