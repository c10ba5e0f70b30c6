package be.stek.scorm;

import be.stek.web.Ctx;
import java.net.URI;
import java.util.function.IntSupplier;

/**
 * The origin that serves package content, apart from Stek's own (see README, SCORM): its public address (configured,
 * or the host name the learner reached Stek at, on the content port) and the Content-Security-Policy of package
 * files, to which Stek adds who may frame them: the player page that launched them and Stek's configured address.
 */
public final class ContentSite {
    private final String baseUrl;
    private final String stekBaseUrl;
    private final String csp;
    private volatile IntSupplier port = () -> 0;

    /** {@code baseUrl} null: derived from each request; {@code csp}: the policy for package files. */
    public ContentSite(String baseUrl, String stekBaseUrl, String csp) {
        this.baseUrl = baseUrl;
        this.stekBaseUrl = stekBaseUrl;
        this.csp = csp;
    }

    /** Tells the site which port its connector got (known once the server started; 0 in tests means any). */
    public void bind(IntSupplier boundPort) {
        this.port = boundPort;
    }

    /** The content origin for a player page requested through {@code ctx}, as the learner's browser will see it. */
    String origin(Ctx ctx) {
        if (baseUrl != null) {
            return origin(baseUrl);
        }
        String host = ctx.hostName();
        return ctx.origin().substring(0, ctx.origin().indexOf("://")) + "://"
                + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port.getAsInt();
    }

    /** The policy for the runtime page and package files of a launch framed by {@code player}. */
    String policy(String player) {
        String stek = origin(stekBaseUrl);
        return csp + "; frame-ancestors 'self' " + player + (stek.equals(player) ? "" : " " + stek);
    }

    /** {@code scheme://host[:port]} of a URL. */
    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
