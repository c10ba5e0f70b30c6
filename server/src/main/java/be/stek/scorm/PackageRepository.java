package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.RequestVersions;
import be.stek.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Imported packages and their tables of contents. */
final class PackageRepository {
    private final Database db;

    /**
     * The packages learners can open with what standings need of each (items, weights, the versions each replaced),
     * as of {@code version} of the catalogue.
     */
    record Visible(long version, List<ScormPackage> packages, Map<Long, List<Manifest.Item>> items,
                   Map<Long, Map<String, double[]>> weights, Map<Long, List<Long>> lineages) {
    }

    private volatile Visible visible;

    PackageRepository(Database db) {
        this.db = db;
    }

    /** A change to packages or items; the request that made it sees the catalogue's new version. */
    private <T> T write(be.stek.store.SqlFunction<T> work) {
        try {
            return db.write(work);
        } finally {
            RequestVersions.forgetShared(CATALOGUE);
        }
    }

    private static final String CATALOGUE = "packages";

    /**
     * The catalogue's version now ({@code shared_version} 'packages', raised by triggers with every change to
     * packages or their items): read once per request, or taken from a row that carried it (the session's, a
     * cohort's).
     */
    long version() {
        Long seen = RequestVersions.shared(CATALOGUE);
        if (seen != null) {
            return seen;
        }
        long version = db.read(c -> Sql.one(c, "SELECT version FROM shared_version WHERE name = ?",
                rs -> rs.getLong(1), CATALOGUE)).orElse(0L);
        RequestVersions.seenShared(CATALOGUE, version);
        return version;
    }

    /**
     * The packages learners can open, kept by this node while the catalogue's version stays the same: read again
     * (1 + 3 reads per package) only after an import, a replacement, an archive or new weights, on any node. The
     * version is read before the packages, so a change racing this read leaves an entry that is already stale.
     */
    Visible visible() {
        long version = version();
        Visible kept = visible;
        if (kept != null && kept.version() == version) {
            return kept;
        }
        List<ScormPackage> all = all(false);
        Map<Long, List<Manifest.Item>> items = new HashMap<>();
        Map<Long, Map<String, double[]>> weights = new HashMap<>();
        Map<Long, List<Long>> lineages = new HashMap<>();
        for (ScormPackage p : all) {
            items.put(p.id(), List.copyOf(items(p.id())));
            weights.put(p.id(), java.util.Collections.unmodifiableMap(weights(p.id())));
            lineages.put(p.id(), List.copyOf(lineage(p)));
        }
        kept = new Visible(version, List.copyOf(all), Map.copyOf(items), Map.copyOf(weights), Map.copyOf(lineages));
        visible = kept;
        return kept;
    }

    /**
     * Stores a package and its items in one transaction; returns the new package. With {@code replaces} set, it
     * waits for the admin's decision ({@link #replace}, {@link #keepApart}, {@link #discard}).
     */
    ScormPackage insert(Manifest m, String slug, String contentKey, int files, long bytes, Long importedBy,
                        Instant now, Long replaces) {
        long id = write(c -> {
            long pkg = Sql.insert(c, """
                    INSERT INTO scorm_package (slug, content_key, title, version, schema_version, manifest_id,
                        file_count, size_bytes, imported_by, imported_at, replaces, pending)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    slug, contentKey, m.title(), m.version().code(), m.schemaVersion(), m.identifier(), files, bytes,
                    importedBy, now, replaces, replaces == null ? 0 : 1);
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

    /** Every package; without {@code withHidden} only those learners see ({@link ScormPackage#live()}). */
    List<ScormPackage> all(boolean withHidden) {
        return db.read(c -> Sql.list(c, "SELECT * FROM scorm_package" + (withHidden ? ""
                : " WHERE archived_at IS NULL AND replaced_by IS NULL AND pending = 0")
                + " ORDER BY title COLLATE NOCASE, id", PackageRepository::pkg));
    }

    /** The current version learners see of the package with this manifest identifier, if any. */
    Optional<ScormPackage> current(String manifestId) {
        return db.read(c -> Sql.one(c, """
                SELECT * FROM scorm_package WHERE manifest_id = ? AND replaced_by IS NULL AND pending = 0
                AND archived_at IS NULL ORDER BY id DESC LIMIT 1""", PackageRepository::pkg, manifestId));
    }

    /** The package and every version it replaced, newest first. */
    List<Long> lineage(ScormPackage p) {
        return db.read(c -> {
            List<Long> ids = new java.util.ArrayList<>();
            for (long id = p.id(); id > 0 && !ids.contains(id) && ids.size() < 1000; ) {
                ids.add(id);
                id = Sql.one(c, "SELECT COALESCE(replaces, 0) FROM scorm_package WHERE id = ? AND pending = 0",
                        rs -> rs.getLong(1), id).orElse(0L);
            }
            return ids;
        });
    }

    /** The versions a package replaced, newest first (for the results page). */
    List<ScormPackage> earlier(ScormPackage p) {
        return lineage(p).stream().skip(1).map(id -> byId(id).orElseThrow()).toList();
    }

    /**
     * The waiting upload {@code fresh} replaces the version it was imported against: it takes over that version's
     * address and new launches; the old version keeps its attempts under an address of its own. One transaction.
     */
    void replace(ScormPackage fresh, Instant now) {
        write(c -> {
            ScormPackage old = Sql.one(c, "SELECT * FROM scorm_package WHERE id = ?", PackageRepository::pkg,
                    fresh.replaces()).orElseThrow();
            String moved = old.slug() + "-v" + old.id();
            Sql.update(c, "UPDATE scorm_package SET slug = ?, replaced_by = ? WHERE id = ?", moved, fresh.id(),
                    old.id());
            return Sql.update(c, "UPDATE scorm_package SET slug = ?, pending = 0 WHERE id = ?", old.slug(),
                    fresh.id());
        });
    }

    /** The waiting upload becomes a package of its own. */
    void keepApart(ScormPackage fresh) {
        write(c -> Sql.update(c, "UPDATE scorm_package SET pending = 0, replaces = NULL WHERE id = ?", fresh.id()));
    }

    /** The waiting upload is dropped (nobody has played it: learners never saw it). */
    void discard(ScormPackage fresh) {
        write(c -> {
            Sql.update(c, "DELETE FROM scorm_item WHERE package_id = ?", fresh.id());
            return Sql.update(c, "DELETE FROM scorm_package WHERE id = ? AND pending = 1", fresh.id());
        });
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

    /**
     * Per item, its weight in the package's progress and score as the manifest gives them ({@link Sequencing#weights});
     * empty for a package imported before Stek kept them, or without sequencing of its own.
     */
    java.util.Map<String, double[]> weights(long packageId) {
        return db.read(c -> {
            java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
            Sql.list(c, """
                    SELECT item_id, progress_weight, measure_weight FROM scorm_item
                    WHERE package_id = ? AND progress_weight IS NOT NULL""", rs -> out.put(rs.getString(1),
                    new double[] {rs.getDouble(2), rs.getDouble(3)}), packageId);
            return out;
        });
    }

    /** Stores the items' weights (see {@link #weights}). */
    void weigh(long packageId, java.util.Map<String, double[]> weights) {
        write(c -> {
            for (var e : weights.entrySet()) {
                Sql.update(c, "UPDATE scorm_item SET progress_weight = ?, measure_weight = ? WHERE package_id = ? "
                        + "AND item_id = ?", e.getValue()[0], e.getValue()[1], packageId, e.getKey());
            }
            return null;
        });
    }

    /** Hides a package from learners; its learner data stays. */
    void archive(long packageId, boolean archived, Instant now) {
        write(c -> Sql.update(c, "UPDATE scorm_package SET archived_at = ? WHERE id = ?", archived ? now : null,
                packageId));
    }

    private static ScormPackage pkg(ResultSet rs) throws SQLException {
        return new ScormPackage(rs.getLong("id"), rs.getString("slug"), rs.getString("content_key"),
                rs.getString("title"), ScormVersion.of(rs.getString("version")), rs.getString("schema_version"),
                rs.getString("manifest_id"), rs.getInt("file_count"), rs.getLong("size_bytes"),
                rs.getString("imported_at"), rs.getString("archived_at"), longOrNull(rs, "replaces"),
                longOrNull(rs, "replaced_by"), rs.getInt("pending") == 1);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Manifest.Item item(ResultSet rs) throws SQLException {
        var values = new Manifest.LaunchValues(Sql.doubleOrNull(rs, "mastery_score"),
                Sql.doubleOrNull(rs, "scaled_passing_score"), Sql.doubleOrNull(rs, "completion_threshold"),
                rs.getString("launch_data"), rs.getString("max_time_allowed"), rs.getString("time_limit_action"));
        return new Manifest.Item(rs.getString("item_id"), rs.getInt("depth"), rs.getString("title"),
                rs.getString("launch"), rs.getString("scorm_type"), values, Objectives.fromJson(rs.getString("objectives")));
    }
}
