package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRulesTest {
    private static final Manifest.LaunchValues NONE = Manifest.LaunchValues.NONE;

    private static CmiState v12(String status, Double raw) {
        return new CmiState(null, null, status, null, null, raw, null, null, null, null, null, null, List.of(), null,
                List.of());
    }

    private static CmiState v2004(String completion, String success, Double scaled, Double measure) {
        return new CmiState(null, null, null, completion, success, null, null, null, scaled, measure, null, null,
                List.of(), null, List.of());
    }

    @Test
    void scorm_12_status_is_kept_as_separate_completion_and_success() {
        assertStatus("completed", "passed", StatusRules.evaluate(ScormVersion.SCORM_12, v12("passed", null), NONE));
        assertStatus("completed", "failed", StatusRules.evaluate(ScormVersion.SCORM_12, v12("failed", null), NONE));
        assertStatus("completed", "unknown", StatusRules.evaluate(ScormVersion.SCORM_12, v12("completed", null), NONE));
        assertStatus("incomplete", "unknown", StatusRules.evaluate(ScormVersion.SCORM_12, v12("browsed", null), NONE));
        assertStatus("not attempted", "unknown", StatusRules.evaluate(ScormVersion.SCORM_12, v12(null, null), NONE));
    }

    @Test
    void scorm_12_mastery_score_decides_success_from_the_raw_score() {
        var mastery = new Manifest.LaunchValues(80.0, null, null, null, null, null);
        var passed = StatusRules.evaluate(ScormVersion.SCORM_12, v12("incomplete", 80.0), mastery);
        assertStatus("completed", "passed", passed);
        assertEquals("80 / 80", passed.reasonArg());
        assertStatus("completed", "failed", StatusRules.evaluate(ScormVersion.SCORM_12, v12("passed", 79.5), mastery));
    }

    @Test
    void scorm_2004_threshold_and_passing_score_override_what_the_sco_reports() {
        var values = new Manifest.LaunchValues(null, 0.6, 0.8, null, null, null);
        assertStatus("incomplete", "failed", StatusRules.evaluate(ScormVersion.SCORM_2004,
                v2004("completed", "passed", 0.5, 0.7), values));
        assertStatus("completed", "passed", StatusRules.evaluate(ScormVersion.SCORM_2004,
                v2004("incomplete", "failed", 0.6, 0.8), values));
        assertStatus("unknown", "unknown", StatusRules.evaluate(ScormVersion.SCORM_2004,
                v2004("completed", "passed", null, null), values));
    }

    @Test
    void scorm_2004_without_launch_values_keeps_what_the_sco_reports_and_rejects_other_words() {
        assertStatus("completed", "passed", StatusRules.evaluate(ScormVersion.SCORM_2004,
                v2004("completed", "passed", null, null), NONE));
        assertStatus("unknown", "unknown", StatusRules.evaluate(ScormVersion.SCORM_2004,
                v2004("done", "yes", null, null), NONE));
    }

    private static void assertStatus(String completion, String success, StatusRules.Status s) {
        assertEquals(completion + "/" + success, s.completion() + "/" + s.success(), s.reasonKey() + " " + s.reasonArg());
    }
}
