package be.stek.quiz;

import be.stek.learner.PersonalData;
import be.stek.learner.RowMaps;
import be.stek.store.Database;
import java.util.List;

/** Every vignette and branching attempt of a person with every answer in it, for their data export. */
public final class QuizPersonalData implements PersonalData {
    private final Database db;

    public QuizPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "quiz_attempts";
    }

    /** Answers belong to attempts ({@code answer.attempt_id}) and come along inside them. */
    @Override
    public List<String> tables() {
        return List.of("quiz_attempt", "answer");
    }

    @Override
    public Object export(long learnerId) {
        return db.read(c -> {
            var attempts = RowMaps.parseJson(RowMaps.list(c, """
                    SELECT * FROM quiz_attempt WHERE learner_id = ? ORDER BY started_at, id""", learnerId), "plan");
            var answers = RowMaps.parseJson(RowMaps.list(c, """
                    SELECT a.* FROM answer a JOIN quiz_attempt t ON t.id = a.attempt_id
                    WHERE t.learner_id = ? ORDER BY a.attempt_id, a.position""", learnerId), "options", "chosen");
            return RowMaps.nest(attempts, "id", answers, "attempt_id", "answers");
        });
    }
}
