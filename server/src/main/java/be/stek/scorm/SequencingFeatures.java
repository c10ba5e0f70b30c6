package be.stek.scorm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a SCORM 2004 package's manifest asks of the LMS that Stek does not (yet) do, as message keys for the package
 * page: sequencing rules, control modes, attempt limits, rollup rules, randomization, delivery controls, choice
 * constraints, shared data ({@code adl.data}) and hiding the LMS's navigation. Stek then plays the items in the order
 * of the table of contents, as it says there.
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
        if (any(manifest, ss, "controlMode", "choice", "false") || any(manifest, ss, "controlMode", "flow", "true")
                || any(manifest, ss, "controlMode", "forwardOnly", "true")
                || any(manifest, ss, "controlMode", "choiceExit", "false")) {
            out.add("scorm.unsupported.controlModes");
        }
        if (has(manifest, ss, "preConditionRule") || has(manifest, ss, "postConditionRule")
                || has(manifest, ss, "exitConditionRule")) {
            out.add("scorm.unsupported.rules");
        }
        if (any(manifest, ss, "limitConditions", "attemptLimit", null)) {
            out.add("scorm.unsupported.attemptLimit");
        }
        if (has(manifest, ss, "rollupRule") || any(manifest, ss, "rollupRules", "objectiveMeasureWeight", null)
                || has(manifest, ADLSEQ, "rollupConsiderations")) {
            out.add("scorm.unsupported.rollup");
        }
        if (has(manifest, ss, "randomizationControls") || has(manifest, ss, "selectionControls")) {
            out.add("scorm.unsupported.randomization");
        }
        if (any(manifest, ss, "deliveryControls", "tracked", "false")) {
            out.add("scorm.unsupported.untracked");
        }
        if (has(manifest, ADLSEQ, "constrainedChoiceConsiderations")) {
            out.add("scorm.unsupported.constrainedChoice");
        }
        if (has(manifest, ManifestParser.ADLCP_2004, "data")) {
            out.add("scorm.unsupported.sharedData");
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
