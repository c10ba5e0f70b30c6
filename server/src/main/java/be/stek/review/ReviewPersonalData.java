package be.stek.review;

import be.stek.learner.PersonalData;
import be.stek.learner.RowMaps;
import be.stek.store.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person's review schedule, paused modules and review sessions with every answer, for their data export. */
public final class ReviewPersonalData implements PersonalData {
    private final Database db;

    public ReviewPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "spaced_review";
    }

    /** Answers belong to sessions ({@code review_answer.session_id}) and come along inside them. */
    @Override
    public List<String> tables() {
        return List.of("review_item", "review_pause", "review_session", "review_answer");
    }

    @Override
    public Object export(long learnerId) {
        return db.read(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("schedule", RowMaps.list(c, """
                    SELECT * FROM review_item WHERE learner_id = ? ORDER BY course, activity, question""", learnerId));
            out.put("paused_modules", RowMaps.list(c, "SELECT * FROM review_pause WHERE learner_id = ? ORDER BY course",
                    learnerId));
            var sessions = RowMaps.parseJson(RowMaps.list(c, """
                    SELECT * FROM review_session WHERE learner_id = ? ORDER BY started_at, id""", learnerId), "plan");
            var answers = RowMaps.parseJson(RowMaps.list(c, """
                    SELECT a.* FROM review_answer a JOIN review_session s ON s.id = a.session_id
                    WHERE s.learner_id = ? ORDER BY a.session_id, a.position""", learnerId), "options", "chosen");
            out.put("sessions", RowMaps.nest(sessions, "id", answers, "session_id", "answers"));
            return out;
        });
    }
}
