package be.stek.core;

/**
 * The server cannot do this now, but may soon (the database cannot write, the write queue is full, a write took too
 * long): answered with 503 and a {@code Retry-After}, and never with a claim that anything was saved.
 */
public final class Unavailable extends RuntimeException {
    private final int retryAfterSeconds;

    public Unavailable(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
