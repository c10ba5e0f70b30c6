package be.stek.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Security headers on every response. Stek's own pages allow only their own scripts and styles; third-party
 * SCORM content (under {@code /scorm/content/}) keeps its inline scripts but may only be framed by Stek itself.
 *
 * <p>The headers are added when the response is committed (by wrapping the request's stream), not when the request
 * arrives: an error path resets the response and clears every header set before, so headers set up front were lost
 * on exactly the pages (404, 413, 500) an attacker provokes. A header a handler set itself is left as it is.
 */
public final class SecurityHeaders extends Handler.Wrapper {
    static final String OWN_PAGES = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
            + "script-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";
    static final String PACKAGE_CONTENT = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; "
            + "frame-ancestors 'self'; object-src 'none'";

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getCanonicalPath();
        request.addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
            @Override
            public void prepareResponse(HttpFields.Mutable headers) {
                apply(headers, path);
                super.prepareResponse(headers);
            }
        });
        return super.handle(request, response, callback);
    }

    static void apply(HttpFields.Mutable headers, String path) {
        boolean packageContent = path != null && path.startsWith("/scorm/content/");
        putIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        putIfAbsent(headers, "Referrer-Policy", "same-origin");
        putIfAbsent(headers, "X-Frame-Options", "SAMEORIGIN");
        putIfAbsent(headers, "Content-Security-Policy", packageContent ? PACKAGE_CONTENT : OWN_PAGES);
    }

    private static void putIfAbsent(HttpFields.Mutable headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.put(name, value);
        }
    }

    /**
     * Jetty's own error pages for requests that never reach a handler (a malformed request line, for example):
     * the same headers, and no stack traces.
     */
    static ErrorHandler errorHandler() {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                apply(response.getHeaders(), null);
                return super.handle(request, response, callback);
            }
        };
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        return handler;
    }
}
