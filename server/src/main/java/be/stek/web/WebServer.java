package be.stek.web;

import jakarta.servlet.MultipartConfigElement;
import java.net.URL;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Assembles the Jetty server: the front servlet for pages, resource servlets for static files and media (streamed,
 * with ranges, ETag and Last-Modified; symbolic links that leave their folder are not followed), and security
 * headers around everything. The {@code Server} header is not sent: it only told attackers Jetty's version.
 */
public final class WebServer {
    /** The largest upload (a SCORM package). */
    public static final long MAX_UPLOAD = 200L * 1024 * 1024;
    private static final int MAX_FORM = 1024 * 1024;

    private WebServer() {
    }

    public static Server newServer(String host, int port, FrontServlet front, Path mediaDir, Path uploadTmp) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.setMaxFormContentSize(MAX_FORM);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        context.setErrorHandler(errors);
        context.addServlet(resources("static", resource("/static/")), "/static/*");
        context.addServlet(resources("media", mediaDir.toAbsolutePath().toUri().toString()), "/media/*");
        ServletHolder frontHolder = new ServletHolder("front", front);
        frontHolder.getRegistration().setMultipartConfig(new MultipartConfigElement(uploadTmp.toString(),
                MAX_UPLOAD, MAX_UPLOAD + MAX_FORM, 1024 * 1024));
        context.addServlet(frontHolder, "/");
        server.setHandler(new SecurityHeaders(context));
        server.setErrorHandler(SecurityHeaders.errorHandler());
        return server;
    }

    /**
     * Adds a servlet (a {@link #resources} holder, for example) to a server built by {@link #newServer}, before it
     * starts. Features use it for files they serve themselves, such as unpacked SCORM packages.
     */
    public static void mount(Server server, String pathSpec, ServletHolder holder) {
        if (!(server.getHandler() instanceof SecurityHeaders wrapper
                && wrapper.getHandler() instanceof ServletContextHandler context)) {
            throw new IllegalStateException("not a server built by WebServer.newServer");
        }
        context.addServlet(holder, pathSpec);
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
