package be.stek.scorm;

import java.util.zip.ZipEntry;

/**
 * Counts the bytes an import really unpacks, chunk by chunk as they are written, and refuses the package the moment a
 * limit is passed. The sizes in a zip's headers are what the zip claims, and a zip can lie: an entry may not unpack
 * to more than its declared size, the whole package not to more than {@link ImportLimits#maxUnpacked()}, and, past
 * the first megabyte, neither one entry nor the whole package to more than {@link ImportLimits#maxRatio()} times
 * its compressed size.
 */
final class UnpackBudget {
    /** Below this, ratios do not count: a tiny file compresses as well as it likes. */
    static final long SMALL = 1024 * 1024;

    private final ImportLimits limits;
    private final long zipSize;
    private long total;

    UnpackBudget(ImportLimits limits, long zipSize) {
        this.limits = limits;
        this.zipSize = Math.max(1, zipSize);
    }

    /** Counts {@code chunk} more bytes of {@code entry}, of which {@code entryBytes} are now unpacked. */
    void add(ZipEntry entry, long entryBytes, int chunk) throws ImportRefused {
        total += chunk;
        if (entry.getSize() >= 0 && entryBytes > entry.getSize()) {
            throw new ImportRefused("scorm.refused.lyingSizes", entry.getName());
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        if (total > limits.maxUnpacked() || (entryBytes > SMALL && entryBytes > limits.maxRatio() * compressed)
                || (total > SMALL && total > limits.maxRatio() * zipSize)) {
            throw new ImportRefused("scorm.refused.bomb");
        }
    }

    /** The bytes unpacked so far. */
    long total() {
        return total;
    }
}
