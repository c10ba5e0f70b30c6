package be.stek.quiz;

import be.stek.learner.PersonalData;
import be.stek.learner.RowMaps;
import be.stek.store.Database;
import java.util.List;

/** A person's private reflection journal, for their data export. */
public final class ReflectionPersonalData implements PersonalData {
    private final Database db;

    public ReflectionPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "reflections";
    }

    @Override
    public List<String> tables() {
        return List.of("reflection");
    }

    @Override
    public Object export(long learnerId) {
        return db.read(c -> RowMaps.list(c, """
                SELECT * FROM reflection WHERE learner_id = ? ORDER BY written_at, id""", learnerId));
    }
}
