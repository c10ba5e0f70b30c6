package be.stek.notify;

import be.stek.learner.PersonalData;
import be.stek.learner.RowMaps;
import be.stek.store.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person's mail preferences, the reminders sent to them and the password reset links they asked for. */
public final class MailPersonalData implements PersonalData {
    private final Database db;

    public MailPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "mail";
    }

    @Override
    public List<String> tables() {
        return List.of("mail_preference", "reminder_sent", "password_reset");
    }

    /**
     * Reset links as "reset_links" (no export holds the word "password") and without their token hashes (a hash says
     * nothing to the person, and the link is secret anyway).
     */
    @Override
    public Object export(long learnerId) {
        return db.read(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            var preference = RowMaps.list(c, """
                    SELECT reminders, session_news, updated_at FROM mail_preference WHERE learner_id = ?""", learnerId);
            out.put("preferences", preference.isEmpty()
                    ? Map.of("reminders", 1, "session_news", 1, "updated_at", "never changed") : preference.get(0));
            out.put("reminders_sent", RowMaps.list(c, """
                    SELECT course, due_date, kind, sent_at FROM reminder_sent WHERE learner_id = ?
                    ORDER BY sent_at, course""", learnerId));
            out.put("reset_links", RowMaps.list(c, """
                    SELECT created_at, expires_at, used_at FROM password_reset WHERE learner_id = ?
                    ORDER BY created_at""", learnerId));
            return out;
        });
    }
}
