package be.stek.notify;

import be.stek.store.Database;
import be.stek.store.Sql;
import java.time.Instant;

/**
 * Which mails a person wants: reminders about due dates, and word when a team session of their group opens. Both are
 * on until the person turns them off (only changed preferences have a row). Password reset links and invitations
 * are always sent: someone asked for them.
 */
public final class MailPreferences {

    /** A person's choices. */
    public record Choice(boolean reminders, boolean sessionNews) {
        static final Choice DEFAULT = new Choice(true, true);
    }

    private final Database db;

    public MailPreferences(Database db) {
        this.db = db;
    }

    public Choice of(long learnerId) {
        return db.read(c -> Sql.one(c, "SELECT reminders, session_news FROM mail_preference WHERE learner_id = ?",
                rs -> new Choice(rs.getInt(1) == 1, rs.getInt(2) == 1), learnerId)).orElse(Choice.DEFAULT);
    }

    void set(long learnerId, Choice choice, Instant now) {
        db.write(c -> Sql.update(c, """
                INSERT INTO mail_preference (learner_id, reminders, session_news, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (learner_id) DO UPDATE SET reminders = excluded.reminders,
                    session_news = excluded.session_news, updated_at = excluded.updated_at""",
                learnerId, choice.reminders() ? 1 : 0, choice.sessionNews() ? 1 : 0, now));
    }
}
