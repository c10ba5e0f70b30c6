package be.stek.web;

import jakarta.servlet.MultipartConfigElement;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Assembles the Jetty server: the front servlet for pages, resource servlets for static files and media (streamed,
 * with ranges, ETag and Last-Modified; symbolic links that leave their folder are not followed), security headers
 * around everything (no {@code Server} header: it only told attackers Jetty's version), and the
 * limits that keep one client from taking the server down, set once at the edge:
 * <ul>
 * <li>every body is counted in bytes, chunked too ({@link SizeLimitHandler}: the largest upload);</li>
 * <li>forms and other small bodies (a SCORM commit) are read in full, without holding a thread, before a handler
 *     runs, and refused with 413 past their limit ({@link EagerContentHandler}); only upload routes stream;</li>
 * <li>at most {@link #MAX_BODY_REQUESTS} requests with a body are handled at once ({@link QoSHandler}; the rest wait
 *     without a thread, then get 503), so pages and {@code /healthz} stay served while slow clients post;</li>
 * <li>a body read ahead must arrive within {@link #BODY_DEADLINE} plus a second per {@link #MIN_READ_AHEAD_RATE}
 *     bytes ({@link BodyDeadline}); an upload streamed slower than {@link #MIN_DATA_RATE} bytes a second, or any
 *     client quiet for {@link #IDLE_TIMEOUT}, is cut off; at most {@link #MAX_CONNECTIONS} connections are open.</li>
 * </ul>
 * Stopping is graceful ({@link GracefulHandler}): the requests being handled finish first, for up to
 * {@link #STOP_TIMEOUT}.
 */
public final class WebServer {
    /** The largest upload (a SCORM package). */
    public static final long MAX_UPLOAD = 200L * 1024 * 1024;
    /** The largest form (a reflection of 100,000 characters fits). */
    public static final int MAX_FORM = 1024 * 1024;
    /** The largest other body read ahead (a SCORM commit). */
    public static final int MAX_READ_AHEAD = 2 * 1024 * 1024;
    static final int MAX_FORM_FIELDS = 1000;
    static final long MIN_DATA_RATE = 128;
    /** A body read ahead must arrive within this time plus one second per {@link #MIN_READ_AHEAD_RATE} bytes. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(15);
    static final long MIN_READ_AHEAD_RATE = 16 * 1024;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);
    static final int MAX_BODY_REQUESTS = 128;
    static final int MAX_CONNECTIONS = 4000;
    static final int MAX_THREADS = 200;
    /** How long a stopping server waits for the requests it is handling (a body may take BODY_DEADLINE to arrive). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** How long an idle connection stays open once a stop began. */
    static final Duration SHUTDOWN_IDLE = Duration.ofMillis(100);
    /** The connector names: Stek's pages, and the origin of SCORM package content. */
    private static final String STEK = "stek";
    private static final String CONTENT = "content";

    private WebServer() {
    }

    public static Server newServer(String host, int port, FrontServlet front, Path mediaDir, Path uploadTmp,
                                   List<String> uploadPaths) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("stek-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setMinRequestDataRate(MIN_DATA_RATE);
        http.setRequestHeaderSize(16 * 1024);
        connector(server, http, STEK, host, port);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));

        ServletContextHandler context = context(STEK);
        context.addServlet(resources("static", resource("/static/")), "/static/*");
        context.addServlet(resources("media", mediaDir.toAbsolutePath().toUri().toString()), "/media/*");
        ServletHolder frontHolder = new ServletHolder("front", front);
        frontHolder.getRegistration().setMultipartConfig(new MultipartConfigElement(uploadTmp.toString(),
                MAX_UPLOAD, MAX_UPLOAD + MAX_FORM, 1024 * 1024));
        context.addServlet(frontHolder, "/");
        ContextHandlerCollection origins = new ContextHandlerCollection(context);

        EagerContentHandler readAhead = new EagerContentHandler(BodyDeadline.inner(origins),
                new EagerContentHandler.FormContentLoaderFactory(MAX_FORM_FIELDS, MAX_FORM),
                new EagerContentHandler.RetainedContentLoaderFactory(MAX_READ_AHEAD, 16 * 1024, true));
        uploadPaths.forEach(readAhead::excludePath);
        // A body declared larger than a form goes straight to the front servlet, which refuses it (413, with the
        // site's page) from the declared length alone, before reading any of it.
        Handler.Wrapper declared = new Handler.Wrapper(readAhead) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return request.getLength() > MAX_FORM ? origins.handle(request, response, callback)
                        : super.handle(request, response, callback);
            }
        };
        QoSHandler bodies = new QoSHandler(BodyDeadline.outer(declared, BODY_DEADLINE, MIN_READ_AHEAD_RATE,
                MAX_READ_AHEAD));
        bodies.includeMethod("POST", "PUT", "PATCH", "DELETE");
        bodies.setMaxRequestCount(MAX_BODY_REQUESTS);
        bodies.setMaxSuspend(Duration.ofSeconds(30));
        bodies.setRejectStatusCode(503);
        SizeLimitHandler sizes = new SizeLimitHandler(MAX_UPLOAD + MAX_FORM, -1);
        sizes.setHandler(bodies);
        // Stopping (an update, a restart) first lets the requests being handled finish, up to STOP_TIMEOUT, and only
        // then closes connections and the database: a form sent at that moment is saved and answered. New requests
        // meanwhile get 503; nginx sends pages (GET) that get it on to the other node.
        GracefulHandler graceful = new GracefulHandler(new SecurityHeaders(sizes));
        // Connections with no request in flight (keep-alive) are closed after this much quiet once the stop began,
        // instead of Jetty's second: a stop without traffic takes moments.
        graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE.toMillis());
        server.setHandler(graceful);
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setErrorHandler(SecurityHeaders.errorHandler());
        return server;
    }

    /**
     * Adds the origin for SCORM package content to a server built by {@link #newServer}: its own connector on
     * {@code port} (so its own origin, where Stek's session means nothing), behind the same limits and headers, with
     * its own front servlet (which knows no sessions) and the run-time's scripts under {@code /_stek/}.
     */
    public static ServerConnector addContentOrigin(Server server, String host, int port, FrontServlet front) {
        ServerConnector stek = (ServerConnector) server.getConnectors()[0];
        HttpConfiguration http = stek.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        ServerConnector connector = connector(server, http, CONTENT, host, port);
        ServletContextHandler context = context(CONTENT);
        context.addServlet(resources("content-runtime", resource("/static/scorm-again/")), "/_stek/scorm-again/*");
        context.addServlet(resources("content-player", resource("/static/scorm/")), "/_stek/scorm/*");
        context.addServlet(new ServletHolder("content-front", front), "/");
        server.getDescendant(ContextHandlerCollection.class).addHandler(context);
        return connector;
    }

    /** True when the request came in on the package content origin's connector. */
    static boolean onContentOrigin(Request request) {
        return CONTENT.equals(request.getConnectionMetaData().getConnector().getName());
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, String name, String host,
                                             int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setName(name);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        return connector;
    }

    /** A context that answers only requests from the connector named {@code connector}. */
    private static ServletContextHandler context(String connector) {
        ServletContextHandler context = new ServletContextHandler("/");
        context.setVirtualHosts(List.of("@" + connector));
        context.setMaxFormContentSize(MAX_FORM);
        context.setMaxFormKeys(MAX_FORM_FIELDS);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        context.setErrorHandler(errors);
        return context;
    }

    /** A servlet that serves files under {@code base}; extra servlets add their own paths the same way. */
    public static ServletHolder resources(String name, String base) {
        ServletHolder holder = new ServletHolder(name, ResourceServlet.class);
        holder.setInitParameter("baseResource", base);
        holder.setInitParameter("pathInfoOnly", "true");
        holder.setInitParameter("dirAllowed", "false");
        holder.setInitParameter("etags", "true");
        holder.setInitParameter("cacheControl", "max-age=3600");
        return holder;
    }

    private static String resource(String path) {
        URL url = WebServer.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing classpath resource " + path);
        }
        return url.toExternalForm();
    }
}
