package be.stek.scorm;

import static be.stek.scorm.ManifestParser.IMSSS;
import static be.stek.scorm.ManifestParser.attr;
import static be.stek.scorm.ManifestParser.child;
import static be.stek.scorm.ManifestParser.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The objectives of a SCORM 2004 item: those of its own {@code imsss:sequencing}, or, when it declares none, those of
 * the {@code imsss:sequencingCollection} entry its {@code IDRef} names. Objectives without an {@code objectiveID}
 * are left out: the SCO cannot look them up.
 */
final class ObjectiveReader {
    private ObjectiveReader() {
    }

    static List<Manifest.Objective> read(Element item, Map<String, Element> collection) {
        Element sequencing = child(item, IMSSS, "sequencing");
        Element objectives = child(sequencing, IMSSS, "objectives");
        if (objectives == null && sequencing != null) {
            objectives = child(collection.get(sequencing.getAttribute("IDRef")), IMSSS, "objectives");
        }
        List<Manifest.Objective> out = new ArrayList<>();
        if (objectives == null) {
            return out;
        }
        Element primary = child(objectives, IMSSS, "primaryObjective");
        if (primary != null) {
            add(out, primary, true);
        }
        for (Element o : children(objectives, IMSSS, "objective")) {
            add(out, o, false);
        }
        return out;
    }

    /** The {@code imsss:sequencing} entries of the manifest's {@code imsss:sequencingCollection}, by {@code ID}. */
    static Map<String, Element> collection(Element manifest) {
        Map<String, Element> out = new java.util.HashMap<>();
        Element collection = child(manifest, IMSSS, "sequencingCollection");
        if (collection != null) {
            for (Element s : children(collection, IMSSS, "sequencing")) {
                out.put(s.getAttribute("ID"), s);
            }
        }
        return out;
    }

    private static void add(List<Manifest.Objective> out, Element objective, boolean primary) {
        String id = attr(objective, null, "objectiveID");
        if (id == null || id.isBlank() || out.stream().anyMatch(o -> o.id().equals(id.strip()))) {
            return;
        }
        List<Manifest.ObjectiveMap> maps = new ArrayList<>();
        for (Element m : children(objective, IMSSS, "mapInfo")) {
            String target = attr(m, null, "targetObjectiveID");
            if (target != null && !target.isBlank()) {
                maps.add(new Manifest.ObjectiveMap(target.strip(), flag(m, "readSatisfiedStatus", true),
                        flag(m, "readNormalizedMeasure", true), flag(m, "writeSatisfiedStatus", false),
                        flag(m, "writeNormalizedMeasure", false)));
            }
        }
        out.add(new Manifest.Objective(id.strip(), primary, maps));
    }

    private static boolean flag(Element e, String name, boolean byDefault) {
        String v = attr(e, null, name);
        return v == null || v.isBlank() ? byDefault : "true".equals(v.strip());
    }
}
