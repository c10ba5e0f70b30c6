package be.stek.cohort;

import be.stek.learner.PersonalData;
import be.stek.learner.RowMaps;
import be.stek.store.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's cohorts, for their data export: the groups they belong to, the groups and team sessions they started
 * as a facilitator, and their own answers in team sessions (which others only ever see anonymously).
 */
public final class CohortPersonalData implements PersonalData {
    private final Database db;

    public CohortPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "cohorts";
    }

    @Override
    public List<String> tables() {
        return List.of("cohort_member", "cohort", "team_session", "team_answer");
    }

    @Override
    public Object export(long learnerId) {
        return db.read(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("memberships", RowMaps.list(c, """
                    SELECT co.name AS cohort, m.role, m.joined_at FROM cohort_member m JOIN cohort co ON co.id = m.cohort_id
                    WHERE m.learner_id = ? ORDER BY m.joined_at, co.name""", learnerId));
            out.put("cohorts_created", RowMaps.list(c, """
                    SELECT name, created_at FROM cohort WHERE created_by = ? ORDER BY created_at""", learnerId));
            out.put("team_sessions_facilitated", RowMaps.list(c, """
                    SELECT co.name AS cohort, s.* FROM team_session s JOIN cohort co ON co.id = s.cohort_id
                    WHERE s.facilitator_id = ? ORDER BY s.opened_at""", learnerId));
            out.put("team_answers", RowMaps.list(c, """
                    SELECT co.name AS cohort, s.course, s.activity, s.question, a.choice, a.body, a.answered_at
                    FROM team_answer a JOIN team_session s ON s.id = a.session_id JOIN cohort co ON co.id = s.cohort_id
                    WHERE a.learner_id = ? ORDER BY a.answered_at""", learnerId));
            return out;
        });
    }
}
