package be.stek.web;

/**
 * An answer that is an HTTP error: thrown anywhere in a handler, caught once by the front servlet and rendered as
 * an error page (or a JSON body) with a message from the resource bundles.
 */
public final class HttpError extends RuntimeException {
    private final int status;
    private final String messageKey;
    private final transient Object[] args;

    public HttpError(int status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static HttpError notFound(String key, Object... args) {
        return new HttpError(404, key, args);
    }

    public static HttpError badRequest(String key, Object... args) {
        return new HttpError(400, key, args);
    }

    public static HttpError forbidden(String key, Object... args) {
        return new HttpError(403, key, args);
    }

    public static HttpError conflict(String key, Object... args) {
        return new HttpError(409, key, args);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
