package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

    private static Manifest parse(String folder) throws ImportRefused {
        return ManifestParser.parse(TestPackages.files(folder).get("imsmanifest.xml"));
    }

    @Test
    void scorm_12_manifest_with_unusual_prefixes_is_read_by_namespace() throws Exception {
        Manifest m = parse("resume-12");
        assertEquals(ScormVersion.SCORM_12, m.version());
        assertEquals("Hervatten 1.2", m.title());
        Manifest.Item sco = m.items().get(0);
        assertEquals("sco/index.html", sco.launch());
        assertEquals("sco", sco.scormType());
        assertEquals(80.0, sco.values().masteryScore());
        assertEquals("start=1", sco.values().launchData());
    }

    @Test
    void scorm_2004_multi_sco_manifest_gives_the_default_organization_in_order_with_headings() throws Exception {
        Manifest m = parse("multi-sco-2004");
        assertEquals(ScormVersion.SCORM_2004, m.version());
        assertEquals("2004 3rd Edition", m.schemaVersion());
        assertEquals("Twee delen", m.title());
        assertEquals(List.of("part-1", "sco-1", "sco-2", "info"), m.items().stream().map(Manifest.Item::id).toList());
        assertNull(m.items().get(0).launch(), "a heading has nothing to launch");
        assertEquals(1, m.items().get(1).depth());
        assertEquals("content/two.html?part=2", m.items().get(2).launch(), "xml:base and parameters");
        assertEquals("content/two.html", m.items().get(2).launchFile());
        assertEquals("asset", m.items().get(3).scormType());
    }

    @Test
    void scorm_2004_launch_values_come_from_sequencing_and_completion_threshold() throws Exception {
        Manifest m = parse("harness-2004");
        var byId = m.items().stream().collect(java.util.stream.Collectors.toMap(Manifest.Item::id, Manifest.Item::values));
        assertEquals("P5Y6M4DT12H30M58S", byId.get("mta").maxTimeAllowed());
        assertEquals(0.7, byId.get("mta2-sps07").scaledPassingScore());
        assertEquals(-0.5, byId.get("spsm05").scaledPassingScore());
        assertEquals(0.8, byId.get("ct08").completionThreshold(), "4th edition minProgressMeasure");
        assertEquals(0.6, byId.get("ct06-sps06").completionThreshold(), "element text");
        assertNull(byId.get("plain").scaledPassingScore());
    }

    @Test
    void scorm_2004_objectives_come_from_the_item_or_its_sequencing_collection_with_the_map_defaults()
            throws Exception {
        Manifest m = parse("objectives-2004");
        Manifest.Item lesson = m.items().get(0);
        assertEquals(List.of(new Manifest.Objective("lesson-goal", true, List.of(
                new Manifest.ObjectiveMap("golf.rules", true, true, false, false))),
                new Manifest.Objective("extra", false, List.of())), lesson.objectives());
        assertEquals(List.of(new Manifest.Objective("test-goal", true, List.of(
                new Manifest.ObjectiveMap("golf.rules", false, false, true, true)))), m.items().get(1).objectives(),
                "from the sequencingCollection entry the item's IDRef names");
        assertEquals(lesson.objectives(), Objectives.fromJson(Objectives.toJson(lesson.objectives())), "stored");
        assertEquals(List.of(), parse("resume-12").items().get(0).objectives());
    }

    @Test
    void broken_xml_doctypes_and_foreign_documents_are_refused() {
        assertEquals("scorm.refused.brokenXml", refusal("<manifest><organizations></manifest>"));
        assertEquals("scorm.refused.brokenXml", refusal("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x \"y\">]>"
                + "<manifest xmlns=\"" + ManifestParser.CP_2004 + "\"/>"));
        assertEquals("scorm.refused.notAManifest", refusal("<manifest/>"));
        assertEquals("scorm.refused.nothingToLaunch", refusal("<manifest xmlns=\"" + ManifestParser.CP_2004
                + "\"><organizations/><resources/></manifest>"));
    }

    private static String refusal(String xml) {
        return assertThrows(ImportRefused.class, () -> ManifestParser.parse(xml.getBytes(StandardCharsets.UTF_8))).key();
    }
}
