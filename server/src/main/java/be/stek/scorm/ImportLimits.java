package be.stek.scorm;

/**
 * Bounds on what an import may unpack, checked against the zip's directory first and again, authoritatively,
 * against the bytes actually written ({@link UnpackBudget}: a zip may lie about its sizes). {@code maxRatio} catches
 * bombs: past its first megabyte, neither an entry nor the whole package may unpack to more than that many times its
 * compressed size.
 */
record ImportLimits(long maxUpload, long maxUnpacked, int maxEntries, long maxManifest, double maxRatio) {
    static final ImportLimits DEFAULT = new ImportLimits(200L * 1024 * 1024, 1024L * 1024 * 1024, 20_000,
            4L * 1024 * 1024, 200);
}
