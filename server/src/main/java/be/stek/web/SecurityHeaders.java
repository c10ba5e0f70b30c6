package be.stek.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. Stek's own pages allow only their own scripts and styles; third-party
 * SCORM content (under {@code /scorm/content/}) keeps its inline scripts but may only be framed by Stek itself.
 */
public final class SecurityHeaders implements Filter {
    static final String OWN_PAGES = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
            + "script-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";
    static final String PACKAGE_CONTENT = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; "
            + "frame-ancestors 'self'; object-src 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse res = (HttpServletResponse) response;
        String path = ((HttpServletRequest) request).getRequestURI();
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "same-origin");
        res.setHeader("X-Frame-Options", "SAMEORIGIN");
        res.setHeader("Content-Security-Policy", path.startsWith("/scorm/content/") ? PACKAGE_CONTENT : OWN_PAGES);
        chain.doFilter(request, response);
    }
}
