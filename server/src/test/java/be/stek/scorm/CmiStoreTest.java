package be.stek.scorm;

import be.stek.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.learner.LearnerRepository;
import be.stek.store.Database;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-time store on a real SQLite file: attempts, entry, total time, interactions and bookmarks. */
class CmiStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private Database db;
    private CmiStore store;
    private long learner;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = TestDatabases.open(dir);
        store = new CmiStore(db);
        learner = new LearnerRepository(db).create("lotte@example.be", "Lotte Peeters", "x", Role.LEARNER, NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The learner's bytes for the package, counted afresh from every row (what the running counter must equal). */
    private long recount(long packageId) {
        return db.read(c -> be.stek.store.Sql.one(c, """
                SELECT COALESCE(SUM(COALESCE(octet_length(location), 0)
                    + COALESCE(octet_length(suspend_data), 0) + COALESCE(octet_length(cmi), 0)
                    + (SELECT COALESCE(SUM(COALESCE(octet_length(i.interaction_id), 0)
                        + COALESCE(octet_length(i.description), 0)
                        + COALESCE(octet_length(i.learner_response), 0)
                        + COALESCE(octet_length(i.result), 0)), 0)
                       FROM scorm_interaction i WHERE i.attempt_id = a.id)), 0)
                FROM scorm_attempt a WHERE learner_id = ? AND package_id = ?""", rs -> rs.getLong(1), learner,
                packageId).orElseThrow());
    }

    private long counted(long packageId) {
        return db.read(c -> be.stek.store.Sql.one(c, "SELECT stored_bytes FROM scorm_usage WHERE learner_id = ? "
                + "AND package_id = ?", rs -> rs.getLong(1), learner, packageId).orElse(0L));
    }

    private static String answers(int sequence, int count, String response) {
        StringBuilder b = new StringBuilder("{\"commitSequence\":" + sequence + ",\"cmi\":{\"location\":\"p"
                + sequence + "\",\"interactions\":{");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append("\"").append(i).append("\":{\"id\":\"q").append(i)
                    .append("\",\"description\":\"Vraag ").append(i).append("\",\"learner_response\":\"")
                    .append(response).append("\",\"result\":\"correct\"}");
        }
        return b.append("}}}").toString();
    }

    private ScormPackage pkg(String folder) throws Exception {
        Manifest m = ManifestParser.parse(TestPackages.files(folder).get("imsmanifest.xml"));
        return new PackageRepository(db).insert(m, folder, "key-" + folder, 1, 1, null, NOW, null);
    }

    private CmiStore.Outcome commit(CmiStore.Launch launch, ScormVersion v, String json, boolean last)
            throws Exception {
        return store.commit(launch.key(), CommitParser.parse(json, v), last, NOW);
    }

    @Test
    void scorm_2004_resume_then_normal_exit_starts_a_new_attempt_and_total_time_adds_up() throws Exception {
        ScormPackage p = pkg("resume-2004");
        var first = store.launch(learner, p, "sco");
        assertEquals("ab-initio", first.entry());
        commit(first, ScormVersion.SCORM_2004, "{\"commitSequence\":1,\"cmi\":{\"exit\":\"suspend\","
                + "\"session_time\":\"PT1M\",\"location\":\"p2\"}}", true);
        var second = store.launch(learner, p, "sco");
        assertEquals("resume", second.entry());
        assertEquals(store.current(learner, p.id(), "sco").orElseThrow().id(), second.attempt().id());
        commit(second, ScormVersion.SCORM_2004, "{\"commitSequence\":1,\"cmi\":{\"exit\":\"normal\","
                + "\"session_time\":\"PT30S\",\"completion_status\":\"completed\"}}", true);
        ScoAttempt ended = store.attempts(learner, p.id()).get(0);
        assertEquals(90.0, ended.totalSeconds());
        assertEquals("completed", ended.completion());
        var third = store.launch(learner, p, "sco");
        assertEquals("ab-initio", third.entry());
        assertEquals(2, third.attempt().number());
    }

    @Test
    void a_launch_writes_nothing_and_its_first_commit_creates_the_attempt_and_session() throws Exception {
        ScormPackage p = pkg("resume-2004");
        var launch = store.launch(learner, p, "sco");
        assertEquals("ab-initio", launch.entry());
        assertEquals(1, launch.attempt().number());
        assertTrue(store.attempts(learner, p.id()).isEmpty(), "a launch alone stores no attempt");
        assertTrue(store.session(launch.sessionId()).isEmpty(), "a launch alone stores no session");
        commit(launch, ScormVersion.SCORM_2004, "{\"commitSequence\":1,\"cmi\":{\"location\":\"p1\"}}", false);
        assertEquals("p1", store.current(learner, p.id(), "sco").orElseThrow().location());
        assertEquals(1, store.session(launch.sessionId()).orElseThrow().lastSequence());
        assertEquals(CmiStore.Outcome.DUPLICATE, commit(launch, ScormVersion.SCORM_2004,
                "{\"commitSequence\":1,\"cmi\":{\"location\":\"late\"}}", false));
    }

    @Test
    void a_cleared_bookmark_stays_cleared_and_an_unset_one_stays_unset() throws Exception {
        ScormPackage p = pkg("resume-2004");
        var launch = store.launch(learner, p, "sco");
        commit(launch, ScormVersion.SCORM_2004, "{\"commitSequence\":1,\"cmi\":{\"location\":\"\"}}", false);
        assertNull(store.current(learner, p.id(), "sco").orElseThrow().location(), "never set: still not set");
        commit(launch, ScormVersion.SCORM_2004, "{\"commitSequence\":2,\"cmi\":{\"location\":\"p7\"}}", false);
        commit(launch, ScormVersion.SCORM_2004, "{\"commitSequence\":3,\"cmi\":{\"location\":\"\"}}", false);
        assertEquals("", store.current(learner, p.id(), "sco").orElseThrow().location(), "cleared by the SCO");
        commit(launch, ScormVersion.SCORM_2004, "{\"commitSequence\":4,\"cmi\":{\"exit\":\"suspend\"}}", false);
        assertEquals("", store.current(learner, p.id(), "sco").orElseThrow().location(), "absent means unchanged");
    }

    @Test
    void scorm_12_interactions_of_every_session_are_kept_one_after_the_other() throws Exception {
        ScormPackage p = pkg("resume-12");
        String answer = "{\"commitSequence\":1,\"cmi\":{\"core\":{\"exit\":\"suspend\"},\"interactions\":"
                + "{\"0\":{\"id\":\"q%d\",\"student_response\":\"a\",\"result\":\"wrong\",\"latency\":\"00:00:03\"}}}}";
        var first = store.launch(learner, p, "sco");
        commit(first, ScormVersion.SCORM_12, answer.formatted(1), true);
        var second = store.launch(learner, p, "sco");
        commit(second, ScormVersion.SCORM_12, answer.formatted(2), true);
        List<CmiState.Interaction> kept = store.interactions(store.current(learner, p.id(), "sco").orElseThrow().id());
        assertEquals(List.of("q1", "q2"), kept.stream().map(CmiState.Interaction::id).toList());
        assertEquals(3.0, kept.get(0).latencySeconds());
    }

    @Test
    void a_sco_finds_its_declared_objectives_and_reads_what_another_sco_wrote_to_their_global_objective()
            throws Exception {
        ScormPackage p = pkg("objectives-2004");
        var items = new PackageRepository(db).items(p.id());
        var lessonLaunch = store.launch(learner, p, "lesson");
        var seed = Seed.build(ScormVersion.SCORM_2004, lessonLaunch, "1", "x", items.get(0));
        assertEquals("{\"0\":{\"id\":\"lesson-goal\"},\"1\":{\"id\":\"extra\"}}", seed.get("objectives").toString());

        var test = store.launch(learner, p, "test");
        commit(test, ScormVersion.SCORM_2004, "{\"commitSequence\":1,\"cmi\":{\"success_status\":\"passed\","
                + "\"score\":{\"scaled\":\"0.9\"},\"objectives\":{\"0\":{\"id\":\"test-goal\"}}}}", true);
        var again = store.launch(learner, p, "lesson");
        seed = Seed.build(ScormVersion.SCORM_2004, again, "1", "x", items.get(0));
        assertEquals("{\"id\":\"lesson-goal\",\"success_status\":\"passed\",\"score\":{\"scaled\":\"0.9\"}}",
                seed.at("/objectives/0").toString(), "read through the global objective golf.rules");

        commit(again, ScormVersion.SCORM_2004, "{\"commitSequence\":1,\"cmi\":{\"exit\":\"suspend\",\"objectives\":{"
                + "\"0\":{\"id\":\"lesson-goal\"},\"1\":{\"id\":\"extra\",\"success_status\":\"failed\","
                + "\"score\":{\"scaled\":\"0.25\"}}}}}", true);
        var stored = store.objectives(store.attempts(learner, p.id()).stream()
                .filter(a -> a.itemId().equals("lesson")).toList()).values().iterator().next();
        assertEquals(List.of("lesson-goal", "extra"), stored.stream().map(Objectives.Reported::id).toList());
        assertEquals("failed", stored.get(1).success());
        assertEquals(0.25, stored.get(1).scaled());
        var resumed = Seed.build(ScormVersion.SCORM_2004, store.launch(learner, p, "lesson"), "1", "x", items.get(0));
        assertEquals("failed", resumed.at("/objectives/1/success_status").asText(), "kept on resume");
        assertEquals("passed", resumed.at("/objectives/0/success_status").asText());
    }

    @Test
    void a_commit_past_the_interaction_limit_is_refused_whole_and_a_commit_that_rewrites_them_is_not() throws Exception {
        store = new CmiStore(db, new StorageLimits(3, 1_000_000));
        ScormPackage p = pkg("resume-2004");
        var launch = store.launch(learner, p, "sco");
        commit(launch, ScormVersion.SCORM_2004, answers(1, 3, "a"), false);
        StorageFull refused = org.junit.jupiter.api.Assertions.assertThrows(StorageFull.class,
                () -> commit(launch, ScormVersion.SCORM_2004, answers(2, 4, "b"), false));
        assertEquals("scorm.error.tooManyInteractions", refused.key());
        ScoAttempt a = store.current(learner, p.id(), "sco").orElseThrow();
        assertEquals("p1", a.location(), "nothing of the refused commit is stored");
        assertEquals(List.of("a", "a", "a"), store.interactions(a.id()).stream()
                .map(CmiState.Interaction::learnerResponse).toList());
        assertEquals(CmiStore.Outcome.APPLIED, commit(launch, ScormVersion.SCORM_2004, answers(3, 3, "c"), false),
                "changing the three stored answers adds none");
        assertEquals(recount(p.id()), counted(p.id()));
    }

    @Test
    void bytes_count_over_every_attempt_of_the_package_and_the_running_count_matches_a_recount() throws Exception {
        store = new CmiStore(db, new StorageLimits(1_000, 30_000));
        ScormPackage p = pkg("resume-2004");
        String suspend = "{\"commitSequence\":%d,\"cmi\":{\"exit\":\"%s\",\"suspend_data\":\"%s\"}}";
        var first = store.launch(learner, p, "sco");
        commit(first, ScormVersion.SCORM_2004, suspend.formatted(1, "suspend", "é".repeat(3_000)), false);
        commit(first, ScormVersion.SCORM_2004, answers(2, 20, "x".repeat(100)), false);
        commit(first, ScormVersion.SCORM_2004, suspend.formatted(3, "normal", "ü".repeat(3_000)), true);
        assertEquals(recount(p.id()), counted(p.id()));
        long afterFirst = counted(p.id());
        assertTrue(afterFirst > 12_000 && afterFirst < 20_000, "two-byte characters count twice: " + afterFirst);

        var second = store.launch(learner, p, "sco");
        assertEquals(2, second.attempt().number());
        org.junit.jupiter.api.Assertions.assertThrows(StorageFull.class, () -> commit(second, ScormVersion.SCORM_2004,
                suspend.formatted(1, "suspend", "x".repeat(10_000)), false), "the first attempt's bytes count too");
        assertTrue(store.attempts(learner, p.id()).stream().allMatch(a -> a.number() == 1),
                "a refused first commit leaves no attempt behind");
        commit(second, ScormVersion.SCORM_2004, suspend.formatted(1, "suspend", "x".repeat(2_000)), false);
        assertEquals(recount(p.id()), counted(p.id()));

        db.write(c -> be.stek.store.Sql.update(c, "UPDATE scorm_usage SET stored_bytes = 40000"));
        assertEquals(CmiStore.Outcome.APPLIED, commit(second, ScormVersion.SCORM_2004,
                suspend.formatted(2, "suspend", "x".repeat(500)), false), "a commit that stores less always goes");
    }
}
