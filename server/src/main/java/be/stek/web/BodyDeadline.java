package be.stek.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A body that is read ahead must arrive in time: {@code base} plus one second per {@code bytesPerSecond} of its
 * declared (or largest) length. A client that trickles its body (one byte every few seconds keeps an idle timeout
 * from ever firing) has its connection closed at the deadline. {@link #outer} starts the clock before the body is
 * read; {@link #inner} stops it when the handler behind the read-ahead is reached.
 */
final class BodyDeadline {
    private static final String CLOCK = BodyDeadline.class.getName();

    private BodyDeadline() {
    }

    static Handler.Wrapper outer(Handler next, Duration base, long bytesPerSecond, long largest) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                long length = request.getLength();
                boolean hasBody = length > 0 || (length < 0 && request.getHeaders().contains("Transfer-Encoding"));
                if (hasBody) {
                    long bytes = length > 0 ? length : largest;
                    long millis = base.toMillis() + bytes * 1000 / bytesPerSecond;
                    Scheduler.Task task = request.getComponents().getScheduler().schedule(
                            () -> request.getConnectionMetaData().getConnection().getEndPoint().close(),
                            millis, TimeUnit.MILLISECONDS);
                    request.setAttribute(CLOCK, task);
                    callback = Callback.from(callback, task::cancel);
                }
                return super.handle(request, response, callback);
            }
        };
    }

    static Handler.Wrapper inner(Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (request.getAttribute(CLOCK) instanceof Scheduler.Task task) {
                    task.cancel();
                }
                return super.handle(request, response, callback);
            }
        };
    }
}
