package be.stek.notify;

import be.stek.cohort.TeamSessionOpened;
import be.stek.mail.Letter;
import be.stek.mail.Mailer;
import be.stek.store.Database;
import be.stek.store.Sql;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a facilitator opens a team session, every other member of the cohort who did not turn this off gets a short
 * mail with the link to answer. The mails are only queued here; a failure is logged and never stops the opening.
 */
public final class SessionNews implements TeamSessionOpened {
    private static final Logger log = LoggerFactory.getLogger(SessionNews.class);

    private record Member(String email, String name, String language) {
    }

    private final Database db;
    private final Mailer mailer;
    private final String baseUrl;

    public SessionNews(Database db, Mailer mailer, String baseUrl) {
        this.db = db;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    @Override
    public void opened(Session session) {
        try {
            for (Member m : members(session)) {
                mailer.send(new Letter(m.email(), m.language(), "session", Map.of("name", m.name(),
                        "cohort", session.cohortName(), "course", session.courseTitle(),
                        "item", java.util.Objects.requireNonNullElse(session.itemTitle(), ""),
                        "link", baseUrl + "/sessions/" + session.sessionId())));
            }
        } catch (RuntimeException e) {
            log.warn("no mail about team session {}: {}", session.sessionId(), e.toString());
        }
    }

    private List<Member> members(Session session) {
        return db.read(c -> Sql.list(c, """
                SELECT l.email, l.name, l.language FROM cohort_member m JOIN learner l ON l.id = m.learner_id
                LEFT JOIN mail_preference p ON p.learner_id = l.id
                WHERE m.cohort_id = ? AND l.id <> ? AND (p.session_news IS NULL OR p.session_news = 1)
                ORDER BY l.id""", rs -> new Member(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? "nl" : rs.getString(3)), session.cohortId(), session.openedBy()));
    }
}
