package be.stek.scorm;

import be.stek.learner.PersonalData;
import be.stek.learner.RowMaps;
import be.stek.store.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's SCORM data, for their data export: every attempt at every package item with its run-time data
 * (status, score, location, suspend data, the cmi values) with every interaction and objective, the global
 * objectives per package, the sequencing state and shared data (adl.data) per package, the player sessions, the bytes stored per package, and the packages they imported as an admin.
 */
public final class ScormPersonalData implements PersonalData {
    private final Database db;

    public ScormPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "scorm";
    }

    @Override
    public List<String> tables() {
        return List.of("scorm_attempt", "scorm_interaction", "scorm_session", "scorm_package", "scorm_usage",
                "scorm_objective", "scorm_global_objective", "scorm_sequencing_state", "scorm_shared_data");
    }

    @Override
    public Object export(long learnerId) {
        return db.read(c -> {
            var attempts = RowMaps.parseJson(RowMaps.list(c, """
                    SELECT p.slug AS package, p.title AS package_title, a.* FROM scorm_attempt a
                    JOIN scorm_package p ON p.id = a.package_id WHERE a.learner_id = ? ORDER BY a.started_at, a.id""",
                    learnerId), "cmi");
            var interactions = RowMaps.list(c, """
                    SELECT i.* FROM scorm_interaction i JOIN scorm_attempt a ON a.id = i.attempt_id
                    WHERE a.learner_id = ? ORDER BY i.attempt_id, i.position""", learnerId);
            var objectives = RowMaps.list(c, """
                    SELECT o.* FROM scorm_objective o JOIN scorm_attempt a ON a.id = o.attempt_id
                    WHERE a.learner_id = ? ORDER BY o.attempt_id, o.position""", learnerId);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("attempts", RowMaps.nest(RowMaps.nest(attempts, "id", interactions, "attempt_id", "interactions"),
                    "id", objectives, "attempt_id", "objectives"));
            out.put("global_objectives", RowMaps.list(c, """
                    SELECT p.slug AS package, g.objective_id, g.satisfied, g.measure, g.updated_at
                    FROM scorm_global_objective g JOIN scorm_package p ON p.id = g.package_id
                    WHERE g.learner_id = ? ORDER BY p.slug, g.objective_id""", learnerId));
            out.put("sequencing", RowMaps.parseJson(RowMaps.list(c, """
                    SELECT p.slug AS package, s.state, s.updated_at FROM scorm_sequencing_state s
                    JOIN scorm_package p ON p.id = s.package_id WHERE s.learner_id = ? ORDER BY p.slug""", learnerId),
                    "state"));
            out.put("shared_data", RowMaps.list(c, """
                    SELECT p.slug AS package, d.target_id, d.store, d.updated_at FROM scorm_shared_data d
                    JOIN scorm_package p ON p.id = d.package_id WHERE d.learner_id = ? ORDER BY p.slug, d.target_id""",
                    learnerId));
            out.put("sessions", RowMaps.list(c, """
                    SELECT * FROM scorm_session WHERE learner_id = ? ORDER BY started_at""", learnerId));
            out.put("storage", RowMaps.list(c, """
                    SELECT p.slug AS package, u.stored_bytes FROM scorm_usage u JOIN scorm_package p ON p.id = u.package_id
                    WHERE u.learner_id = ? ORDER BY p.slug""", learnerId));
            out.put("packages_imported", RowMaps.list(c, """
                    SELECT slug, title, version, imported_at FROM scorm_package WHERE imported_by = ?
                    ORDER BY imported_at""", learnerId));
            return out;
        });
    }
}
