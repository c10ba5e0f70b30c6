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

    private ScormPackage pkg(String folder) throws Exception {
        Manifest m = ManifestParser.parse(TestPackages.files(folder).get("imsmanifest.xml"));
        return new PackageRepository(db).insert(m, folder, "key-" + folder, 1, 1, null, NOW);
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
}
