package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The package page names the SCORM 2004 sequencing a package asks for that Stek does not follow. */
class SequencingFeaturesTest {

    @Test
    void a_package_with_objectives_only_asks_for_nothing_stek_leaves_out() throws Exception {
        assertEquals(List.of(), features(TestPackages.files("objectives-2004").get("imsmanifest.xml")));
        assertEquals(List.of(), features(TestPackages.files("multi-sco-2004").get("imsmanifest.xml")));
    }

    @Test
    void the_golf_remediation_sample_asks_for_control_modes_rules_and_rollup() throws Exception {
        assertEquals(List.of("scorm.unsupported.controlModes", "scorm.unsupported.rules", "scorm.unsupported.rollup"),
                features(shared("SequencingSimpleRemediation_SCORM20043rdEdition.zip")));
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
