package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.Sql;
import java.util.List;

/** Every attempt at a package with the learner's name, its answers (with question text) and its reason. */
final class PackageResults {
    /** One attempt as the results page shows it. */
    public record Row(String learner, String email, String itemTitle, ScoAttempt attempt,
               List<CmiState.Interaction> answers, List<ObjectiveView> objectives) {
    }

    private final Database db;
    private final CmiStore cmi;

    PackageResults(Database db, CmiStore cmi) {
        this.db = db;
        this.cmi = cmi;
    }

    /** The attempts of the learners {@code visible} lets the viewer see. */
    List<Row> of(ScormPackage p, java.util.function.LongPredicate visible) {
        record Raw(String learner, String email, String itemTitle, ScoAttempt attempt) {
        }
        List<Raw> raw = db.read(c -> Sql.list(c, """
                SELECT a.*, l.name AS learner_name, l.email AS learner_email, i.title AS item_title
                FROM scorm_attempt a JOIN learner l ON l.id = a.learner_id
                JOIN scorm_item i ON i.package_id = a.package_id AND i.item_id = a.item_id
                WHERE a.package_id = ? ORDER BY l.name COLLATE NOCASE, i.position, a.number""",
                rs -> new Raw(rs.getString("learner_name"), rs.getString("learner_email"), rs.getString("item_title"),
                        CmiStore.attempt(rs)), p.id()));
        List<Raw> shown = raw.stream().filter(r -> visible.test(r.attempt().learnerId())).toList();
        var objectives = cmi.objectives(shown.stream().map(Raw::attempt).toList());
        return shown.stream().map(r -> new Row(r.learner(), r.email(), r.itemTitle(), r.attempt(),
                cmi.interactions(r.attempt().id()),
                ObjectiveView.of(objectives.getOrDefault(r.attempt().id(), List.of())))).toList();
    }
}
