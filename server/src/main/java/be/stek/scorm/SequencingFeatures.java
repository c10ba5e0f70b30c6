package be.stek.scorm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a SCORM 2004 package's manifest asks of the LMS that Stek's sequencer ({@link Sequencer}) does not do, as
 * message keys for the package page: randomization and selection of children, choice constraints of the 4th edition
 * ({@code constrainedChoiceConsiderations}), time limits in limit conditions and rule conditions, the 4th edition's
 * extended objective maps ({@code adlseq:objectives}), and hiding the LMS's navigation. Everything else of the
 * sequencing Stek follows.
 */
final class SequencingFeatures {
    private static final String ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3";
    private static final String ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3";

    private SequencingFeatures() {
    }

    /** The keys for the package stored in {@code dir}; none for SCORM 1.2 or a manifest that cannot be read. */
    static List<String> of(ScormPackage p, Path dir) {
        if (p.version() != ScormVersion.SCORM_2004) {
            return List.of();
        }
        try {
            return of(ManifestParser.document(Files.readAllBytes(dir.resolve(PackageImporter.MANIFEST)))
                    .getDocumentElement());
        } catch (IOException | ImportRefused e) {
            return List.of();
        }
    }

    static List<String> of(Element manifest) {
        List<String> out = new ArrayList<>();
        String ss = ManifestParser.IMSSS;
        if (has(manifest, ss, "randomizationControls") || has(manifest, ss, "selectionControls")) {
            out.add("scorm.unsupported.randomization");
        }
        if (has(manifest, ADLSEQ, "constrainedChoiceConsiderations")) {
            out.add("scorm.unsupported.constrainedChoice");
        }
        if (any(manifest, ss, "limitConditions", "attemptAbsoluteDurationLimit", null)
                || any(manifest, ss, "limitConditions", "activityAbsoluteDurationLimit", null)
                || any(manifest, ss, "ruleCondition", "condition", "timeLimitExceeded")
                || any(manifest, ss, "ruleCondition", "condition", "outsideAvailableTimeRange")
                || any(manifest, ss, "rollupCondition", "condition", "timeLimitExceeded")
                || any(manifest, ss, "rollupCondition", "condition", "outsideAvailableTimeRange")) {
            out.add("scorm.unsupported.timeLimits");
        }
        if (has(manifest, ADLSEQ, "objectives")) {
            out.add("scorm.unsupported.extendedObjectives");
        }
        if (has(manifest, ADLNAV, "hideLMSUI")) {
            out.add("scorm.unsupported.hideLmsUi");
        }
        return out;
    }

    private static boolean has(Element root, String ns, String local) {
        return root.getElementsByTagNameNS(ns, local).getLength() > 0;
    }

    /** An element {@code local} whose attribute {@code attribute} has {@code value} (any value when null). */
    private static boolean any(Element root, String ns, String local, String attribute, String value) {
        NodeList list = root.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.hasAttribute(attribute) && (value == null || value.equals(e.getAttribute(attribute).strip()))) {
                return true;
            }
        }
        return false;
    }
}
