package be.stek.mail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail off the request thread. {@link #send} only queues a {@link Letter}; one mail thread renders it and hands
 * it to the transport (the SMTP server, or the outbox folder). A failed delivery is logged and tried again after
 * each of {@link #RETRIES}; after the last it is given up (logged as an error). A request never waits for, or fails
 * because of, a mail. At most {@value #MAX_WAITING} mails wait at once; past that new ones are dropped and logged,
 * so a flood cannot fill the heap.
 */
public final class Mailer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    /** The waits before the second, third and fourth try. */
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30));
    static final int MAX_WAITING = 10_000;

    private final MailTransport transport;
    private final MailTemplates templates;
    private final List<Duration> retries;
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicInteger waiting = new AtomicInteger();

    Mailer(MailTransport transport, MailTemplates templates, List<Duration> retries) {
        this.transport = transport;
        this.templates = templates;
        this.retries = List.copyOf(retries);
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mail");
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Mail through the SMTP server in {@code smtp}, or, when it is null, into {@code outbox}. The sender's name is
     * "Stek", after the organisation's name when there is one.
     */
    public static Mailer create(SmtpSettings smtp, Path outbox, String orgName, String baseUrl, Clock clock) {
        String sender = orgName == null ? "Stek" : orgName + " (Stek)";
        MailTransport transport = smtp != null ? new SmtpTransport(smtp, sender, clock)
                : new Outbox(outbox, "stek@" + host(baseUrl), sender, clock);
        return new Mailer(transport, new MailTemplates(orgName, baseUrl), RETRIES);
    }

    private static String host(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "localhost" : host;
    }

    /** Queues a mail and returns at once. */
    public void send(Letter letter) {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            log.error("Mail \"{}\" to {} dropped: {} mails are waiting already", letter.template(), letter.to(),
                    MAX_WAITING);
            return;
        }
        thread.execute(() -> attempt(letter, null, 0));
    }

    /**
     * Renders a mail on the mail thread as {@link #send} would, and drops it: for a request that must take as long
     * whether or not it sends mail (a reset link asked for an address without an account), so that the mail
     * thread's work does not slow down only the requests that send.
     */
    public void rehearse(Letter letter) {
        if (waiting.get() < MAX_WAITING) {
            thread.execute(() -> {
                try {
                    templates.render(letter);
                } catch (RuntimeException e) {
                    log.warn("Mail \"{}\" does not render: {}", letter.template(), e.toString());
                }
            });
        }
    }

    private void attempt(Letter letter, Mail rendered, int failures) {
        Mail mail = rendered;
        try {
            mail = mail != null ? mail : templates.render(letter);
            transport.deliver(mail);
            waiting.decrementAndGet();
        } catch (Exception e) {
            if (mail == null || failures >= retries.size()) {
                waiting.decrementAndGet();
                log.error("Mail \"{}\" to {} not sent, given up after {} tries: {}", letter.template(), letter.to(),
                        failures + 1, e.toString());
                return;
            }
            Duration wait = retries.get(failures);
            log.warn("Mail \"{}\" to {} not sent ({}); trying again in {} s", letter.template(), letter.to(),
                    e.toString(), wait.toSeconds());
            Mail again = mail;
            thread.schedule(() -> attempt(letter, again, failures + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Mails queued or waiting for another try. */
    public int waiting() {
        return waiting.get();
    }

    /** What the mail goes through, for the start-up log. */
    public String describe() {
        return transport.describe();
    }

    /** Stops the mail thread after the mails being sent now; mails waiting for a retry are given up. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (waiting.get() > 0) {
            log.warn("{} mails not sent at shut-down", waiting.get());
        }
    }
}
