package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * SCORM 2004 sequencing of a learner's packages, on the server: reads a package's activity tree from its manifest
 * (once per package version), and runs {@link Sequencer} on the learner's stored state in one transaction, storing
 * the new state and the global objectives it wrote. Also the 4th edition's shared data buckets ({@code adl.data}).
 * Packages whose manifest declares no sequencing (and SCORM 1.2 packages) are not sequenced: the learner moves
 * through their table of contents freely.
 */
final class Sequencing {
    private final Database db;
    private final Path root;
    private final Map<Long, Optional<SeqTree>> trees = new ConcurrentHashMap<>();

    Sequencing(Database db, Path root) {
        this.db = db;
        this.root = root;
    }

    /** The activity tree of a sequenced SCORM 2004 package; empty for other packages. */
    Optional<SeqTree> tree(ScormPackage p) {
        if (p.version() != ScormVersion.SCORM_2004) {
            return Optional.empty();
        }
        return trees.computeIfAbsent(p.id(), id -> {
            try {
                byte[] xml = Files.readAllBytes(root.resolve(p.contentKey()).resolve(PackageImporter.MANIFEST));
                return Optional.of(SeqTree.of(ManifestParser.document(xml).getDocumentElement()));
            } catch (IOException | ImportRefused e) {
                return Optional.empty();
            }
        });
    }

    /** The tree when the package is sequenced (its manifest has {@code imsss:sequencing}). */
    Optional<SeqTree> sequenced(ScormPackage p) {
        return tree(p).filter(t -> t.sequenced);
    }

    /**
     * Runs {@code work} on the learner's sequencer for the package in one transaction; with {@code store}, the state
     * and the global objectives it wrote are stored in it.
     */
    <T> T run(long learnerId, ScormPackage p, SeqTree tree, boolean store, Function<Sequencer, T> work) {
        return run(learnerId, p, tree, store, work, t -> true);
    }

    /**
     * A navigation request, stored only when the sequencer accepts it: a refused request changes nothing (the SN
     * book's "the sequencing session continues as it was").
     */
    Sequencer.Outcome navigate(long learnerId, ScormPackage p, SeqTree tree, Function<Sequencer, Sequencer.Outcome> work) {
        return run(learnerId, p, tree, true, work, Sequencer.Outcome::valid);
    }

    private <T> T run(long learnerId, ScormPackage p, SeqTree tree, boolean store, Function<Sequencer, T> work,
                      java.util.function.Predicate<T> keep) {
        be.stek.store.SqlFunction<T> body = c -> {
            String json = Sql.one(c, "SELECT state FROM scorm_sequencing_state WHERE learner_id = ? AND package_id = ?",
                    rs -> rs.getString(1), learnerId, p.id()).orElse(null);
            Sequencer s = new Sequencer(tree, SeqState.fromJson(json), Objectives.globals(c, learnerId, p.id()),
                    leaves(c, learnerId, p.id()));
            T out = work.apply(s);
            if (store && keep.test(out)) {
                Instant now = Instant.now();
                Sql.update(c, """
                        INSERT INTO scorm_sequencing_state (learner_id, package_id, state, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (learner_id, package_id) DO UPDATE SET state = excluded.state,
                            updated_at = excluded.updated_at""", learnerId, p.id(), s.st.toJson(), now);
                for (var e : s.written.entrySet()) {
                    Objectives.Global g = e.getValue();
                    Sql.update(c, """
                            INSERT INTO scorm_global_objective (learner_id, package_id, objective_id, satisfied, measure,
                                updated_at) VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (learner_id, package_id, objective_id) DO UPDATE SET
                                satisfied = excluded.satisfied, measure = excluded.measure,
                                updated_at = excluded.updated_at""", learnerId, p.id(), e.getKey(),
                            g.satisfied() == null ? null : g.satisfied() ? 1 : 0, g.measure(), now);
                }
            }
            return out;
        };
        return store ? db.write(body) : db.read(body);
    }

    /** What each leaf's SCO reported in its latest attempt, read when the sequencer asks (within the transaction). */
    private static Function<String, Sequencer.LeafResult> leaves(Connection c, long learnerId, long packageId) {
        Map<String, Sequencer.LeafResult> cache = new HashMap<>();
        return item -> cache.computeIfAbsent(item, id -> {
            try {
                ScoAttempt a = Sql.one(c, """
                        SELECT * FROM scorm_attempt WHERE learner_id = ? AND package_id = ? AND item_id = ?
                        ORDER BY number DESC LIMIT 1""", CmiStore::attempt, learnerId, packageId, id).orElse(null);
                if (a == null) {
                    return null;
                }
                Map<String, Objectives.Reported> objectives = new LinkedHashMap<>();
                Objectives.of(c, a.id()).forEach(r -> objectives.put(r.id(), r));
                return new Sequencer.LeafResult(a.completion(), a.success(), a.scoreScaled() != null
                        ? a.scoreScaled() : a.scoreRaw() != null ? a.normalizedScore() : null, a.progressMeasure(),
                        "suspend".equals(a.exit()), objectives);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** How the LMS's navigation looks for the learner now: buttons, table of contents, the course's status. */
    SequencingView view(long learnerId, ScormPackage p, SeqTree tree) {
        return run(learnerId, p, tree, false, s -> {
            Map<String, String> refusals = new LinkedHashMap<>();
            for (SeqTree.Activity a : tree.byId.values()) {
                if (a == tree.root) {
                    continue;
                }
                String why = s.trial().choiceRefusal(s.current(), a);
                if (why != null) {
                    refusals.put(a.id, why);
                }
            }
            boolean active = s.current() != null && s.st.act(s.st.current).active;
            Sequencer.Status root = s.rootStatus();
            return new SequencingView(s.st.current, active && s.wouldDeliver("continue", null) != null,
                    active && s.wouldDeliver("previous", null) != null, refusals, root.known(), root.satisfied(),
                    root.measure(), s.rootCompleted(), s.rootProgressKnown(), s.st.act(tree.root.id).attempts > 0,
                    s.st.suspended != null, s.st.ended);
        });
    }

    /**
     * {@code adl.nav.request_valid} for the SCO of {@code item}, as the sequencer would answer the request now:
     * continue, previous, and choice and jump per activity.
     */
    Map<String, Object> requestValid(long learnerId, ScormPackage p, SeqTree tree) {
        return run(learnerId, p, tree, false, s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("continue", String.valueOf(s.valid("continue", null)));
            out.put("previous", String.valueOf(s.valid("previous", null)));
            Map<String, String> choice = new LinkedHashMap<>();
            Map<String, String> jump = new LinkedHashMap<>();
            for (SeqTree.Activity a : tree.byId.values()) {
                if (a != tree.root) {
                    choice.put(a.id, String.valueOf(s.trial().choiceRefusal(s.current(), a) == null));
                    jump.put(a.id, String.valueOf(a.leaf));
                }
            }
            out.put("choice", choice);
            out.put("jump", jump);
            return out;
        });
    }

    // ---------------------------------------------------------------- adl.data

    /** The item's {@code adlcp:map}s and the learner's stored buckets they name: what the run-time starts with. */
    Map<String, Object> sharedData(long learnerId, ScormPackage p, String itemId) {
        Optional<SeqTree.Activity> a = tree(p).map(t -> t.get(itemId));
        if (a.isEmpty() || a.get().data.isEmpty()) {
            return null;
        }
        List<SeqTree.DataMap> maps = a.get().data;
        Map<String, String> stores = db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (SeqTree.DataMap m : maps) {
                Sql.one(c, """
                        SELECT store FROM scorm_shared_data WHERE learner_id = ? AND package_id = ? AND target_id = ?""",
                        rs -> rs.getString(1), learnerId, p.id(), m.targetID()).ifPresent(v -> out.put(m.targetID(), v));
            }
            return out;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maps", maps);
        out.put("stores", stores);
        return out;
    }

    /** Stores what a SCO wrote to the buckets its item may write ({@code writeSharedData}); others are ignored. */
    void storeSharedData(long learnerId, ScormPackage p, String itemId, Map<String, String> written, Instant now) {
        Optional<SeqTree.Activity> a = tree(p).map(t -> t.get(itemId));
        if (a.isEmpty() || written.isEmpty()) {
            return;
        }
        db.write(c -> {
            for (SeqTree.DataMap m : a.get().data) {
                String v = written.get(m.targetID());
                if (m.writeSharedData() && v != null && v.length() <= Commits.MAX_SUSPEND_DATA) {
                    Sql.update(c, """
                            INSERT INTO scorm_shared_data (learner_id, package_id, target_id, store, updated_at)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (learner_id, package_id, target_id)
                            DO UPDATE SET store = excluded.store, updated_at = excluded.updated_at""",
                            learnerId, p.id(), m.targetID(), v, now);
                }
            }
            return null;
        });
    }

    /** Per item of a 2004 manifest: its weight in the package's progress and in its score (0 when rollup leaves it out). */
    static Map<String, double[]> weights(SeqTree tree) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (SeqTree.Activity leaf : tree.leaves()) {
            double progress = 1;
            double measure = 1;
            for (SeqTree.Activity x = leaf; x != null && x.parent != null; x = x.parent) {
                progress *= x.tracked && x.rollupCompletion ? x.progressWeight : 0;
                measure *= x.tracked ? x.measureWeight : 0;
            }
            out.put(leaf.id, new double[] {progress, measure});
        }
        return out;
    }
}
