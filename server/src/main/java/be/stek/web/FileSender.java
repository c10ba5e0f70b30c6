package be.stek.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Sends a {@link Result.File} with Jetty's {@link ResourceService}, as the resource servlets send media: streamed
 * from disk (never read whole), with {@code Accept-Ranges}, single and multiple ranges (206, and 416 for a range
 * outside the file), {@code ETag} and {@code Last-Modified}, and 304 for {@code If-None-Match} and
 * {@code If-Modified-Since}. A file whose real path (symbolic links followed) leaves its folder is not sent.
 */
final class FileSender {
    private final ResourceService service = new ResourceService();

    FileSender() {
        service.setEtags(true);
        service.setAcceptRanges(true);
        service.setDirAllowed(false);
        service.setCacheControl("max-age=3600");
    }

    void send(HttpServletRequest req, Result.File file) throws IOException {
        Path real = realPathInside(file.folder(), file.file());
        var resource = ResourceFactory.root().newResource(real);
        String type = file.contentType() != null ? file.contentType()
                : MimeTypes.DEFAULTS.getMimeByExtension(real.getFileName().toString());
        var content = new ResourceHttpContent(resource, type != null ? type : "application/octet-stream");
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(req);
        try (Blocker.Callback callback = Blocker.callback()) {
            service.doGet(request, request.getServletContextResponse(), callback, content);
            callback.block();
        }
    }

    /** The file's real path when it is a regular file that really lies inside the folder; else a 404. */
    static Path realPathInside(Path folder, Path file) {
        try {
            Path real = file.toRealPath();
            if (real.startsWith(folder.toRealPath()) && Files.isRegularFile(real)) {
                return real;
            }
        } catch (IOException e) {
            // missing, unreadable or a broken link: not found, like anything else we will not send
        }
        throw HttpError.notFound("error.notFound");
    }
}
