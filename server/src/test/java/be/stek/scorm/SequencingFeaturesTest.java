package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The package page names the SCORM 2004 sequencing a package asks for that Stek's sequencer does not follow; the
 * Golf sequencing samples ask for nothing Stek leaves out.
 */
class SequencingFeaturesTest {

    @Test
    void a_package_with_objectives_only_asks_for_nothing_stek_leaves_out() throws Exception {
        assertEquals(List.of(), features(TestPackages.files("objectives-2004").get("imsmanifest.xml")));
        assertEquals(List.of(), features(TestPackages.files("multi-sco-2004").get("imsmanifest.xml")));
    }

    @Test
    void stek_follows_all_the_sequencing_of_the_golf_samples() throws Exception {
        assertEquals(List.of(), features(shared("SequencingSimpleRemediation_SCORM20043rdEdition.zip")));
        assertEquals(List.of(), features(shared("SequencingForcedSequential_SCORM20043rdEdition.zip")));
    }

    @Test
    void randomization_choice_constraints_time_limits_extended_maps_and_hidden_navigation_are_named() throws Exception {
        String manifest = """
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
                    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
                    identifier="m"><organizations default="o"><organization identifier="o"><title>T</title>
                  <item identifier="a" identifierref="r"><title>A</title>
                    <adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
                    </adlnav:navigationInterface></adlnav:presentation>
                    <imsss:sequencing><imsss:limitConditions attemptAbsoluteDurationLimit="PT1H"/>
                      <imsss:objectives><imsss:primaryObjective objectiveID="p"/></imsss:objectives>
                      <adlseq:objectives><adlseq:objective objectiveID="p"><adlseq:mapInfo targetObjectiveID="g"
                        readCompletionStatus="true"/></adlseq:objective></adlseq:objectives>
                    </imsss:sequencing></item>
                  <imsss:sequencing><imsss:randomizationControls reorderChildren="true"/>
                    <adlseq:constrainedChoiceConsiderations preventActivation="true"/></imsss:sequencing>
                </organization></organizations><resources><resource identifier="r" href="x.html"/></resources>
                </manifest>""";
        assertEquals(List.of("scorm.unsupported.randomization", "scorm.unsupported.constrainedChoice",
                "scorm.unsupported.timeLimits", "scorm.unsupported.extendedObjectives", "scorm.unsupported.hideLmsUi"),
                features(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<String> features(byte[] manifest) throws ImportRefused {
        return SequencingFeatures.of(ManifestParser.document(manifest).getDocumentElement());
    }

    private static byte[] shared(String name) throws IOException {
        Path zip = TestPackages.SHARED.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(zip), "needs ../shared/testdata/scorm/" + name + "; runs in CI");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry("imsmanifest.xml")).readAllBytes();
        }
    }
}
