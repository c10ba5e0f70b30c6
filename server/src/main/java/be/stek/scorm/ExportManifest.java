package be.stek.scorm;

import be.stek.course.Course;
import java.util.List;

/**
 * The {@code imsmanifest.xml} of an exported course: one organization with one item and one SCO resource that
 * lists every file. The pass mark goes in as the 1.2 mastery score or, for 2004, as the primary objective's
 * minimum normalized measure (satisfied by measure), so any LMS evaluates success the way Stek does.
 */
final class ExportManifest {
    private ExportManifest() {
    }

    static String xml(Course course, ScormVersion version, List<String> files) {
        String id = "stek-" + course.slug() + "-" + course.meta().version().replaceAll("[^A-Za-z0-9.-]", "-");
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(version == ScormVersion.SCORM_12 ? header12(id) : header2004(id));
        x.append("  <organizations default=\"ORG-").append(course.slug()).append("\">\n")
                .append("    <organization identifier=\"ORG-").append(course.slug()).append("\">\n")
                .append("      <title>").append(esc(course.title())).append("</title>\n")
                .append("      <item identifier=\"ITEM-").append(course.slug())
                .append("\" identifierref=\"RES-").append(course.slug()).append("\" isvisible=\"true\">\n")
                .append("        <title>").append(esc(course.title())).append("</title>\n")
                .append(mastery(course.meta().mastery(), version))
                .append("      </item>\n    </organization>\n  </organizations>\n  <resources>\n")
                .append("    <resource identifier=\"RES-").append(course.slug())
                .append("\" type=\"webcontent\" ").append(version == ScormVersion.SCORM_12 ? "adlcp:scormtype"
                        : "adlcp:scormType").append("=\"sco\" href=\"index.html\">\n");
        for (String f : files) {
            x.append("      <file href=\"").append(esc(f)).append("\"/>\n");
        }
        return x.append("    </resource>\n  </resources>\n</manifest>\n").toString();
    }

    private static String header12(String id) {
        return "<manifest identifier=\"" + esc(id) + "\" version=\"1.0\"\n"
                + "    xmlns=\"" + ManifestParser.CP_12 + "\"\n"
                + "    xmlns:adlcp=\"" + ManifestParser.ADLCP_12 + "\"\n"
                + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "    xsi:schemaLocation=\"" + ManifestParser.CP_12 + " imscp_rootv1p1p2.xsd "
                + "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                + ManifestParser.ADLCP_12 + " adlcp_rootv1p2.xsd\">\n"
                + "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n"
                + "  </metadata>\n";
    }

    private static String header2004(String id) {
        return "<manifest identifier=\"" + esc(id) + "\" version=\"1.0\"\n"
                + "    xmlns=\"" + ManifestParser.CP_2004 + "\"\n"
                + "    xmlns:adlcp=\"" + ManifestParser.ADLCP_2004 + "\"\n"
                + "    xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n"
                + "    xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n"
                + "    xmlns:imsss=\"" + ManifestParser.IMSSS + "\"\n"
                + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "    xsi:schemaLocation=\"" + ManifestParser.CP_2004 + " imscp_v1p1.xsd "
                + ManifestParser.ADLCP_2004 + " adlcp_v1p3.xsd "
                + "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
                + "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
                + ManifestParser.IMSSS + " imsss_v1p0.xsd\">\n"
                + "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n"
                + "  </metadata>\n";
    }

    private static String mastery(Integer mastery, ScormVersion version) {
        if (mastery == null) {
            return "";
        }
        if (version == ScormVersion.SCORM_12) {
            return "        <adlcp:masteryscore>" + mastery + "</adlcp:masteryscore>\n";
        }
        return "        <imsss:sequencing>\n          <imsss:objectives>\n"
                + "            <imsss:primaryObjective objectiveID=\"PRIMARY\" satisfiedByMeasure=\"true\">\n"
                + "              <imsss:minNormalizedMeasure>" + Seed.number(mastery / 100.0)
                + "</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n"
                + "          </imsss:objectives>\n        </imsss:sequencing>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
