package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Stek's sequencer on real manifests (the ADL/Rustici Golf sequencing samples from ../shared) and on small ones of
 * its own: flow, skip and disabled rules, post-condition retry and exitParent, rollup, attempt limits, forward-only,
 * choice exit, and a state that survives being stored as JSON.
 */
class SequencerTest {
    private static final String REMEDIATION = "com.scorm.golfsamples.sequencing.simpleremediation.20043rd.";
    private static final String FORCED = "com.scorm.golfsamples.sequencing.forcedsequential.";

    private final Map<String, Sequencer.LeafResult> reported = new HashMap<>();

    private Sequencer sequencer(SeqTree tree, SeqState state) {
        return new Sequencer(tree, state, Map.of(), reported::get);
    }

    private static Sequencer.LeafResult result(String completion, String success, Double scaled) {
        return new Sequencer.LeafResult(completion, success, scaled, null, false, Map.of());
    }

    private static void delivers(String item, Sequencer.Outcome o) {
        assertTrue(o.valid(), "refused: " + o.refusal());
        assertEquals(item, o.deliver());
    }

    @Test
    void remediation_sends_a_learner_who_failed_back_to_the_content_and_skips_what_they_passed() throws Exception {
        SeqTree tree = SeqTree.of(ManifestParser.document(shared("SequencingSimpleRemediation_SCORM20043rdEdition.zip"))
                .getDocumentElement());
        assertTrue(tree.sequenced);
        Sequencer s = sequencer(tree, new SeqState());
        assertFalse(s.valid("choice", "test_1"), "choice is off in this package");
        delivers("playing_item", s.navigate("start", null));
        for (String next : new String[] {"etuqiette_item", "handicapping_item", "havingfun_item", "test_1"}) {
            delivers(next, s.navigate("continue", null));
        }
        reported.put("test_1", result("completed", "passed", 1.0));
        delivers("test_2", s.navigate("continue", null));
        assertEquals(Boolean.TRUE, s.globals.get(REMEDIATION + "playing_satisfied").satisfied());
        reported.put("test_2", result("completed", "failed", 0.2));
        delivers("test_3", s.navigate("continue", null));
        reported.put("test_3", result("completed", "passed", 0.9));
        delivers("test_4", s.navigate("continue", null));
        reported.put("test_4", result("completed", "passed", 0.8));
        // test_4 exits its parent, whose post-condition retries it: the playing content is passed, so skipped
        SeqState state = SeqState.fromJson(s.st.toJson());
        Sequencer again = new Sequencer(tree, state, s.globals, reported::get);
        delivers("etuqiette_item", again.navigate("continue", null));
        assertEquals(2, again.st.act("content_wrapper").attempts);
        assertEquals(Boolean.FALSE, again.globals.get(REMEDIATION + "etiquette_satisfied").satisfied());
        Sequencer.Status course = again.rootStatus();
        assertTrue(course.known() && !course.satisfied(), "the course rolled up as not satisfied");
        assertEquals(0.725, course.measure(), 1e-9,
                "measure rollup weighs the tests (weight 1), not the content (weight 0)");

        delivers("test_2", again.navigate("continue", null));
        reported.put("test_2", result("completed", "passed", 0.9));
        // test_4 declares its own sequencingRules, which replace the collection's skip rule: it comes again
        delivers("test_4", again.navigate("continue", null));
        // everything is satisfied now: the wrapper's post-condition exits all
        Sequencer.Outcome end = again.navigate("continue", null);
        assertTrue(end.valid() && end.ended(), String.valueOf(end));
        assertTrue(again.rootStatus().satisfied(), "the course rolled up as satisfied");
    }

    @Test
    void forced_sequential_disables_an_item_until_the_one_before_is_satisfied() throws Exception {
        SeqTree tree = SeqTree.of(ManifestParser.document(shared("SequencingForcedSequential_SCORM20043rdEdition.zip"))
                .getDocumentElement());
        Sequencer s = sequencer(tree, new SeqState());
        delivers("playing_item", s.navigate("start", null));
        assertEquals("disabled", s.choiceRefusal(s.current(), tree.get("etuqiette_item")));
        assertNull(s.wouldDeliver("continue", null), "continue leads to a disabled item");
        assertFalse(s.valid("previous", null));
        reported.put("playing_item", result("completed", "passed", null));
        // what the SCO's commit does: its primary objective writes the global
        s.globals.put(FORCED + "playing_satisfied", new Objectives.Global(true, null));
        assertNull(s.choiceRefusal(s.current(), tree.get("etuqiette_item")));
        assertEquals("disabled", s.choiceRefusal(s.current(), tree.get("handicapping_item")));
        delivers("etuqiette_item", s.navigate("continue", null));
        delivers("playing_item", s.navigate("previous", null));
        delivers("etuqiette_item", s.navigate("choice", "etuqiette_item"));
        assertEquals(2, s.st.act("etuqiette_item").attempts);
    }

    @Test
    void attempt_limits_forward_only_and_choice_exit_are_obeyed() throws Exception {
        SeqTree tree = SeqTree.of(ManifestParser.document(("""
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
                    identifier="m"><organizations default="o"><organization identifier="o"><title>T</title>
                  <item identifier="a" identifierref="r"><title>A</title>
                    <imsss:sequencing><imsss:limitConditions attemptLimit="1"/></imsss:sequencing></item>
                  <item identifier="b" identifierref="r"><title>B</title></item>
                  <item identifier="unit"><title>Unit</title>
                    <item identifier="c" identifierref="r"><title>C</title></item>
                    <item identifier="d" identifierref="r"><title>D</title></item>
                    <imsss:sequencing><imsss:controlMode choiceExit="false" flow="true"/></imsss:sequencing>
                  </item>
                  <item identifier="e" identifierref="r"><title>E</title></item>
                  <imsss:sequencing><imsss:controlMode flow="true" forwardOnly="true"/></imsss:sequencing>
                </organization></organizations><resources><resource identifier="r" href="x.html"/></resources>
                </manifest>""").getBytes(StandardCharsets.UTF_8)).getDocumentElement());
        Sequencer s = sequencer(tree, new SeqState());
        delivers("a", s.navigate("start", null));
        delivers("b", s.navigate("continue", null));
        assertEquals("disabled", s.choiceRefusal(s.current(), tree.get("a")), "a's one attempt is used");
        assertFalse(s.valid("previous", null), "forward only");
        delivers("c", s.navigate("choice", "unit"));
        assertEquals("choiceExit", s.choiceRefusal(s.current(), tree.get("e")));
        assertEquals("forwardOnly", s.choiceRefusal(s.current(), tree.get("b")));
        delivers("d", s.navigate("continue", null));
        delivers("e", s.navigate("continue", null));
        assertTrue(s.navigate("continue", null).ended(), "continue past the last item ends the session");
        Sequencer.Outcome again = s.navigate("start", null);
        assertEquals("disabled", again.refusal(), "a new attempt on the course meets a's attempt limit of 1");
    }

    private static byte[] shared(String name) throws IOException {
        Path zip = TestPackages.SHARED.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(zip), "needs ../shared/testdata/scorm/" + name + "; runs in CI");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry("imsmanifest.xml")).readAllBytes();
        }
    }
}
