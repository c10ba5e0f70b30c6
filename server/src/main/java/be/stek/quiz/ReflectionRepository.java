package be.stek.quiz;

import be.stek.store.Database;
import be.stek.store.LearnerCache;
import be.stek.store.Sql;
import java.time.Instant;
import java.util.List;

/** The private reflection journal. */
public final class ReflectionRepository {

    /** One journal entry. */
    public record Entry(long id, String course, String prompt, String promptText, String body, String writtenAt) {
    }

    private final Database db;
    private final LearnerCache cache;

    public ReflectionRepository(Database db) {
        this.db = db;
        this.cache = new LearnerCache(db.versions());
    }

    /** Saves an entry; a resent form (same nonce) is stored once. */
    public void save(long learnerId, String course, String prompt, String promptText, String body, String nonce,
                     Instant now) {
        db.write(c -> {
            cache.changing(c, learnerId);
            return Sql.update(c, """
                    INSERT INTO reflection (learner_id, course, prompt, prompt_text, body, nonce, written_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner_id, nonce) DO NOTHING""",
                    learnerId, course, prompt, promptText, body, nonce, now);
        });
        cache.changed(learnerId);
    }

    /** The learner's journal for a course, oldest first (cached until they write again). */
    public List<Entry> journal(long learnerId, String course) {
        return cache.get(learnerId, course, () -> List.copyOf(db.read(c -> Sql.list(c, """
                SELECT * FROM reflection WHERE learner_id = ? AND course = ? ORDER BY written_at, id""",
                rs -> new Entry(rs.getLong("id"), rs.getString("course"), rs.getString("prompt"),
                        rs.getString("prompt_text"), rs.getString("body"), rs.getString("written_at")),
                learnerId, course))));
    }
}
