package be.stek.progress;

import be.stek.learner.PersonalData;
import be.stek.learner.RowMaps;
import be.stek.store.Database;
import java.util.List;

/** A person's progress through each lesson, for their data export. */
public final class ProgressPersonalData implements PersonalData {
    private final Database db;

    public ProgressPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "lesson_progress";
    }

    @Override
    public List<String> tables() {
        return List.of("lesson_progress");
    }

    @Override
    public Object export(long learnerId) {
        return db.read(c -> RowMaps.list(c, """
                SELECT * FROM lesson_progress WHERE learner_id = ? ORDER BY course, first_seen, lesson""", learnerId));
    }
}
