package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Imported packages and their tables of contents. */
final class PackageRepository {
    private final Database db;

    PackageRepository(Database db) {
        this.db = db;
    }

    /** Stores a package and its items in one transaction; returns the new package. */
    ScormPackage insert(Manifest m, String slug, String contentKey, int files, long bytes, Long importedBy,
                        Instant now) {
        long id = db.write(c -> {
            long pkg = Sql.insert(c, """
                    INSERT INTO scorm_package (slug, content_key, title, version, schema_version, manifest_id,
                        file_count, size_bytes, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    slug, contentKey, m.title(), m.version().code(), m.schemaVersion(), m.identifier(), files, bytes,
                    importedBy, now);
            for (int i = 0; i < m.items().size(); i++) {
                insertItem(c, pkg, i, m.items().get(i));
            }
            return pkg;
        });
        return byId(id).orElseThrow();
    }

    private static void insertItem(Connection c, long pkg, int position, Manifest.Item it) throws SQLException {
        Manifest.LaunchValues v = it.values();
        Sql.update(c, """
                INSERT INTO scorm_item (package_id, item_id, position, depth, title, launch, scorm_type, mastery_score,
                    scaled_passing_score, completion_threshold, launch_data, max_time_allowed, time_limit_action,
                    objectives)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pkg, it.id(), position, it.depth(), it.title(),
                it.launch(), it.launchable() ? it.scormType() : null, v.masteryScore(), v.scaledPassingScore(),
                v.completionThreshold(), v.launchData(), v.maxTimeAllowed(), v.timeLimitAction(),
                Objectives.toJson(it.objectives()));
    }

    List<ScormPackage> all(boolean withArchived) {
        return db.read(c -> Sql.list(c, "SELECT * FROM scorm_package"
                + (withArchived ? "" : " WHERE archived_at IS NULL") + " ORDER BY title COLLATE NOCASE, id",
                PackageRepository::pkg));
    }

    Optional<ScormPackage> bySlug(String slug) {
        return db.read(c -> Sql.one(c, "SELECT * FROM scorm_package WHERE slug = ?", PackageRepository::pkg, slug));
    }

    Optional<ScormPackage> byId(long id) {
        return db.read(c -> Sql.one(c, "SELECT * FROM scorm_package WHERE id = ?", PackageRepository::pkg, id));
    }

    boolean slugTaken(String slug) {
        return bySlug(slug).isPresent();
    }

    List<Manifest.Item> items(long packageId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM scorm_item WHERE package_id = ? ORDER BY position",
                PackageRepository::item, packageId));
    }

    Optional<Manifest.Item> item(long packageId, String itemId) {
        return items(packageId).stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** Hides a package from learners; its learner data stays. */
    void archive(long packageId, boolean archived, Instant now) {
        db.write(c -> Sql.update(c, "UPDATE scorm_package SET archived_at = ? WHERE id = ?", archived ? now : null,
                packageId));
    }

    private static ScormPackage pkg(ResultSet rs) throws SQLException {
        return new ScormPackage(rs.getLong("id"), rs.getString("slug"), rs.getString("content_key"),
                rs.getString("title"), ScormVersion.of(rs.getString("version")), rs.getString("schema_version"),
                rs.getString("manifest_id"), rs.getInt("file_count"), rs.getLong("size_bytes"),
                rs.getString("imported_at"), rs.getString("archived_at"));
    }

    private static Manifest.Item item(ResultSet rs) throws SQLException {
        var values = new Manifest.LaunchValues(Sql.doubleOrNull(rs, "mastery_score"),
                Sql.doubleOrNull(rs, "scaled_passing_score"), Sql.doubleOrNull(rs, "completion_threshold"),
                rs.getString("launch_data"), rs.getString("max_time_allowed"), rs.getString("time_limit_action"));
        return new Manifest.Item(rs.getString("item_id"), rs.getInt("depth"), rs.getString("title"),
                rs.getString("launch"), rs.getString("scorm_type"), values, Objectives.fromJson(rs.getString("objectives")));
    }
}
