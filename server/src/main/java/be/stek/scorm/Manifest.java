package be.stek.scorm;

import java.util.List;

/**
 * What Stek needs from an {@code imsmanifest.xml}: the package's identity and version, and the table of contents in
 * order. Items without a launch are headings (their children are below them, one level deeper).
 */
public record Manifest(String identifier, ScormVersion version, String schemaVersion, String title, List<Item> items) {

    /**
     * One entry of the table of contents; {@code launch} is relative to the package root, with its parameters;
     * {@code objectives} are the SCORM 2004 objectives its sequencing declares (primary first).
     */
    public record Item(String id, int depth, String title, String launch, String scormType, LaunchValues values,
                       List<Objective> objectives) {
        public Item {
            objectives = List.copyOf(objectives);
        }

        public boolean launchable() {
            return launch != null;
        }

        /** The launch path without query or fragment: the file that must exist in the package. */
        String launchFile() {
            int cut = launch.length();
            for (char c : new char[] {'?', '#'}) {
                int i = launch.indexOf(c);
                if (i >= 0 && i < cut) {
                    cut = i;
                }
            }
            return launch.substring(0, cut);
        }
    }

    /** Values the manifest hands to the SCO at launch; null when the manifest does not set them. */
    public record LaunchValues(Double masteryScore, Double scaledPassingScore, Double completionThreshold, String launchData,
                        String maxTimeAllowed, String timeLimitAction) {
        static final LaunchValues NONE = new LaunchValues(null, null, null, null, null, null);
    }

    /**
     * An objective of an item ({@code imsss:primaryObjective} or {@code imsss:objective} with an
     * {@code objectiveID}) and the global objectives it reads from and writes to ({@code imsss:mapInfo}).
     */
    public record Objective(String id, boolean primary, List<ObjectiveMap> maps) {
        public Objective {
            maps = List.copyOf(maps);
        }
    }

    /** One {@code imsss:mapInfo}: the global objective and what flows each way (the spec's defaults: read both). */
    public record ObjectiveMap(String target, boolean readSatisfied, boolean readMeasure, boolean writeSatisfied,
                               boolean writeMeasure) {
    }

    List<Item> launchable() {
        return items.stream().filter(Item::launchable).toList();
    }
}
