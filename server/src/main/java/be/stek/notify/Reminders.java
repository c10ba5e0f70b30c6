package be.stek.notify;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.mail.Letter;
import be.stek.mail.Mailer;
import be.stek.progress.Standings;
import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders about due dates, sent by a sweep every {@link #EVERY} (and once shortly after start-up). A learner of a
 * cohort gets one reminder when a course the cohort assigned is due within {@code days} days (dates in
 * Europe/Brussels), and one on the day after the due date, when it became overdue (or within
 * {@link #OVERDUE_DAYS} days of it, when no sweep ran that day). Nobody is reminded of a course they completed, nor
 * after turning reminders off. Each reminder is claimed by an insert into {@code reminder_sent} that conflicts with
 * an earlier one, so with several nodes sweeping at once each reminder still goes out once.
 */
public final class Reminders implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final Duration EVERY = Duration.ofHours(1);
    static final Duration FIRST = Duration.ofMinutes(1);
    static final int OVERDUE_DAYS = 3;
    static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private record Due(long learnerId, String email, String name, String language, String course, String dueDate,
                       String cohort) {
    }

    private final Database db;
    private final Catalogue catalogue;
    private final Standings standings;
    private final Mailer mailer;
    private final Clock clock;
    private final int days;
    private final String baseUrl;
    private ScheduledExecutorService thread;

    public Reminders(Database db, Catalogue catalogue, Standings standings, Mailer mailer, Clock clock, int days,
                     String baseUrl) {
        this.db = db;
        this.catalogue = catalogue;
        this.standings = standings;
        this.mailer = mailer;
        this.clock = clock;
        this.days = days;
        this.baseUrl = baseUrl;
    }

    /** Starts the sweep in a thread of its own. */
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reminders");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::sweepLogged, FIRST.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void sweepLogged() {
        try {
            int sent = sweep();
            if (sent > 0) {
                log.info("{} reminders sent", sent);
            }
        } catch (RuntimeException e) {
            log.warn("reminder sweep failed, next one in {} minutes: {}", EVERY.toMinutes(), e.toString());
        }
    }

    /** Sends the reminders that are due now and not sent yet; returns how many. */
    public int sweep() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        int sent = 0;
        for (Due due : due("before", today, today.plusDays(days))) {
            sent += remind(due, "before", today) ? 1 : 0;
        }
        for (Due due : due("overdue", today.minusDays(OVERDUE_DAYS), today.minusDays(1))) {
            sent += remind(due, "overdue", today) ? 1 : 0;
        }
        return sent;
    }

    /** Learners with a course due between two dates (both included) and no reminder of this kind for it yet. */
    private List<Due> due(String kind, LocalDate from, LocalDate to) {
        return db.read(c -> Sql.list(c, """
                SELECT l.id, l.email, l.name, l.language, cc.course, cc.due_date, min(co.name) AS cohort
                FROM cohort_course cc
                JOIN cohort co ON co.id = cc.cohort_id
                JOIN cohort_member m ON m.cohort_id = cc.cohort_id AND m.role = 'learner'
                JOIN learner l ON l.id = m.learner_id
                LEFT JOIN mail_preference p ON p.learner_id = l.id
                WHERE cc.due_date >= ? AND cc.due_date <= ? AND (p.reminders IS NULL OR p.reminders = 1)
                  AND NOT EXISTS (SELECT 1 FROM reminder_sent r WHERE r.learner_id = l.id AND r.course = cc.course
                                  AND r.due_date = cc.due_date AND r.kind = ?)
                GROUP BY l.id, l.email, l.name, l.language, cc.course, cc.due_date
                ORDER BY l.id, cc.course""",
                rs -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), from.toString(), to.toString(), kind));
    }

    private boolean remind(Due due, String kind, LocalDate today) {
        Course course = catalogue.course(due.course()).orElse(null);
        if (course == null || standings.of(due.learnerId(), course).complete() || !claim(due, kind)) {
            return false;
        }
        LocalDate date = LocalDate.parse(due.dueDate());
        Messages messages = Messages.of(due.language());
        mailer.send(new Letter(due.email(), messages.language(), "reminder-" + kind,
                Map.of("name", due.name(), "course", course.title(), "cohort", due.cohort(),
                        "due", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.locale())
                                .format(date), "days", Math.max(0, date.toEpochDay() - today.toEpochDay()),
                        "link", baseUrl + "/courses/" + course.slug(), "account", baseUrl + "/account#mail")));
        return true;
    }

    /** True for exactly one of the nodes that try to claim the same reminder. */
    private boolean claim(Due due, String kind) {
        Instant now = clock.instant();
        return db.write(c -> Sql.update(c, """
                INSERT INTO reminder_sent (learner_id, course, due_date, kind, sent_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (learner_id, course, due_date, kind) DO NOTHING""",
                due.learnerId(), due.course(), due.dueDate(), kind, now)) == 1;
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
