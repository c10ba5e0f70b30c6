package be.stek.scorm;

import static be.stek.scorm.ManifestParser.ADLCP_12;
import static be.stek.scorm.ManifestParser.ADLCP_2004;
import static be.stek.scorm.ManifestParser.IMSSS;
import static be.stek.scorm.ManifestParser.attr;
import static be.stek.scorm.ManifestParser.child;
import static be.stek.scorm.ManifestParser.text;

import org.w3c.dom.Element;

/**
 * The launch values of a manifest item: 1.2 {@code adlcp:masteryscore}, {@code datafromlms}, {@code maxtimeallowed},
 * {@code timelimitaction}; 2004 {@code adlcp:dataFromLMS}, {@code timeLimitAction}, {@code completionThreshold}
 * (element text, or the 4th edition's {@code completedByMeasure}/{@code minProgressMeasure}), the primary
 * objective's {@code minNormalizedMeasure} when it is satisfied by measure, and the attempt duration limit.
 */
final class LaunchValueReader {
    private LaunchValueReader() {
    }

    static Manifest.LaunchValues read(Element item, ScormVersion version) {
        if (version == ScormVersion.SCORM_12) {
            return new Manifest.LaunchValues(number(text(child(item, ADLCP_12, "masteryscore"))), null, null,
                    text(child(item, ADLCP_12, "datafromlms")), text(child(item, ADLCP_12, "maxtimeallowed")),
                    text(child(item, ADLCP_12, "timelimitaction")));
        }
        Element limits = child(child(item, IMSSS, "sequencing"), IMSSS, "limitConditions");
        return new Manifest.LaunchValues(null, passingScore(item), threshold(item),
                text(child(item, ADLCP_2004, "dataFromLMS")),
                limits == null ? null : attr(limits, null, "attemptAbsoluteDurationLimit"),
                text(child(item, ADLCP_2004, "timeLimitAction")));
    }

    private static Double threshold(Element item) {
        Element ct = child(item, ADLCP_2004, "completionThreshold");
        if (ct == null) {
            return null;
        }
        String byMeasure = attr(ct, null, "completedByMeasure");
        if (byMeasure != null) {
            if (!"true".equals(byMeasure.strip())) {
                return null;
            }
            String min = attr(ct, null, "minProgressMeasure");
            return min == null ? 1.0 : number(min);
        }
        return number(text(ct));
    }

    private static Double passingScore(Element item) {
        Element objectives = child(child(item, IMSSS, "sequencing"), IMSSS, "objectives");
        Element primary = child(objectives, IMSSS, "primaryObjective");
        if (primary == null || !"true".equals(attr(primary, null, "satisfiedByMeasure"))) {
            return null;
        }
        Double measure = number(text(child(primary, IMSSS, "minNormalizedMeasure")));
        return measure == null ? 1.0 : measure;
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
