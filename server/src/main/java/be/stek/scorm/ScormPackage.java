package be.stek.scorm;

/**
 * An imported package as stored; its files are under {@code data/scorm/<contentKey>/}, served on the content origin.
 * {@code replaces} is the version it took over from, {@code replacedBy} the version that took over from it;
 * {@code pending} says that the admin has not yet decided whether it replaces the package with its identifier.
 */
public record ScormPackage(long id, String slug, String contentKey, String title, ScormVersion version,
                           String schemaVersion, String manifestId, int fileCount, long sizeBytes, String importedAt,
                           String archivedAt, Long replaces, Long replacedBy, boolean pending) {

    /** Learners see it and launch it: not archived, not replaced by a newer version, not waiting for a decision. */
    public boolean live() {
        return archivedAt == null && replacedBy == null && !pending;
    }

    /** 1.2, or 2004 with its edition when the manifest names one. */
    public String versionLabel() {
        if (version == ScormVersion.SCORM_12) {
            return "SCORM 1.2";
        }
        return schemaVersion.contains("4th") ? "SCORM 2004 4th Edition" : schemaVersion.contains("3rd")
                ? "SCORM 2004 3rd Edition" : "SCORM 2004";
    }
}
