package be.stek.scorm;

import be.stek.web.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an uploaded SCORM zip: checks every entry name and declared size, finds and parses the manifest at the
 * root, checks that every launch file exists, unpacks into a staging folder while counting the bytes really written
 * ({@link UnpackBudget}: the declared sizes may lie), moves it into place and records the package. Any refusal or
 * failure removes what was unpacked: a package is imported whole or not at all.
 */
final class PackageImporter {
    private static final Logger log = LoggerFactory.getLogger(PackageImporter.class);
    static final String MANIFEST = "imsmanifest.xml";

    private final Path root;
    private final PackageRepository packages;
    private final ImportLimits limits;

    PackageImporter(Path root, PackageRepository packages, ImportLimits limits) {
        this.root = root;
        this.packages = packages;
        this.limits = limits;
    }

    /**
     * Imports the zip at {@code zip} (a temporary copy of the upload). When learners already see a package with the
     * same manifest identifier, the new one waits (hidden from learners) for the admin to say whether it replaces
     * that one ({@link ScormPackage#pending()}, {@link ScormPackage#replaces()}).
     */
    ScormPackage importZip(Path zip, Long importedBy, Instant now) throws ImportRefused {
        if (size(zip) > limits.maxUpload()) {
            throw new ImportRefused("scorm.refused.tooLarge", limits.maxUpload() / (1024 * 1024));
        }
        try (ZipFile zf = open(zip)) {
            Set<String> names = checkEntries(zf);
            byte[] manifestXml = readManifest(zf, names);
            Manifest manifest = ManifestParser.parse(manifestXml);
            checkLaunchFiles(manifest, names);
            String key = Tokens.random();
            Path dir = unpack(zf, key, new UnpackBudget(limits, size(zip)));
            try {
                Long replaces = packages.current(manifest.identifier()).map(ScormPackage::id).orElse(null);
                ScormPackage pkg = packages.insert(manifest, uniqueSlug(manifest.title()), key, names.size(),
                        folderSize(dir), importedBy, now, replaces);
                if (manifest.version() == ScormVersion.SCORM_2004) {
                    SeqTree tree = SeqTree.of(ManifestParser.document(manifestXml).getDocumentElement());
                    if (tree.sequenced) {
                        packages.weigh(pkg.id(), Sequencing.weights(tree));
                    }
                }
                log.info("imported SCORM package {} ({}, {} items) as {}", pkg.title(), pkg.versionLabel(),
                        manifest.items().size(), pkg.slug());
                return pkg;
            } catch (RuntimeException e) {
                deleteTree(dir);
                throw e;
            }
        } catch (IOException e) {
            throw new ImportRefused("scorm.refused.notAZip");
        }
    }

    private static ZipFile open(Path zip) throws ImportRefused {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new ImportRefused("scorm.refused.notAZip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry name is safe, the counts and declared sizes are within bounds; returns the file names. */
    private Set<String> checkEntries(ZipFile zf) throws ImportRefused {
        Set<String> files = new HashSet<>();
        long declared = 0;
        Enumeration<? extends ZipEntry> entries = zf.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String name = safeName(e.getName());
            if (files.size() >= limits.maxEntries()) {
                throw new ImportRefused("scorm.refused.tooManyFiles", limits.maxEntries());
            }
            if (e.isDirectory()) {
                continue;
            }
            declared += Math.max(0, e.getSize());
            if (declared > limits.maxUnpacked() || looksLikeBomb(e.getSize(), e.getCompressedSize())) {
                throw new ImportRefused("scorm.refused.bomb");
            }
            files.add(name);
        }
        return files;
    }

    private boolean looksLikeBomb(long size, long compressed) {
        return size > 1024 * 1024 && compressed > 0 && (double) size / compressed > limits.maxRatio();
    }

    /** An entry name that stays inside the package, with forward slashes; anything else is refused. */
    static String safeName(String raw) throws ImportRefused {
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
            throw new ImportRefused("scorm.refused.unsafePath", raw);
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new ImportRefused("scorm.refused.unsafePath", raw);
            }
        }
        return name;
    }

    private byte[] readManifest(ZipFile zf, Set<String> names) throws ImportRefused, IOException {
        ZipEntry entry = zf.getEntry(MANIFEST);
        if (entry == null || !names.contains(MANIFEST)) {
            String nested = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith("/" + MANIFEST))
                    .min(Comparator.comparingInt(String::length)).orElse(null);
            throw nested == null ? new ImportRefused("scorm.refused.noManifest")
                    : new ImportRefused("scorm.refused.nestedManifest", nested);
        }
        try (InputStream in = zf.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) limits.maxManifest() + 1);
            if (bytes.length > limits.maxManifest()) {
                throw new ImportRefused("scorm.refused.bomb");
            }
            return bytes;
        }
    }

    private static void checkLaunchFiles(Manifest manifest, Set<String> names) throws ImportRefused {
        for (Manifest.Item item : manifest.launchable()) {
            String file = item.launchFile();
            if (file.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                throw new ImportRefused("scorm.refused.externalLaunch", item.title(), file);
            }
            String decoded = URLDecoder.decode(file.replace("+", "%2B"), StandardCharsets.UTF_8);
            String path = Path.of("/" + safeName(decoded)).normalize().toString().substring(1);
            if (!names.contains(path)) {
                throw new ImportRefused("scorm.refused.missingLaunch", item.title(), file);
            }
        }
    }

    /** Unpacks into a staging folder, counting the real bytes against the budget, then moves it into place. */
    private Path unpack(ZipFile zf, String key, UnpackBudget budget) throws ImportRefused, IOException {
        Path staging = Files.createDirectories(root.resolve(".staging-" + key));
        try {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory()) {
                    extract(zf, e, staging, budget);
                }
            }
            return Files.move(staging, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (ImportRefused | IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private static void extract(ZipFile zf, ZipEntry e, Path staging, UnpackBudget budget)
            throws ImportRefused, IOException {
        Path target = staging.resolve(safeName(e.getName())).normalize();
        if (!target.startsWith(staging)) {
            throw new ImportRefused("scorm.refused.unsafePath", e.getName());
        }
        Files.createDirectories(target.getParent());
        long n = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zf.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                n += r;
                budget.add(e, n, r);
                out.write(buffer, 0, r);
            }
        } catch (ZipException z) {
            throw new ImportRefused("scorm.refused.notAZip");
        }
    }

    private String uniqueSlug(String title) {
        String base = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        base = base.isEmpty() ? "pakket" : base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
        String slug = base;
        for (int i = 2; packages.slugTaken(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long folderSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(PackageImporter::size).sum();
        }
    }

    /** Drops an upload that waited for a decision and was not kept: its row, its items and its files. */
    void discard(ScormPackage waiting) {
        packages.discard(waiting);
        deleteTree(root.resolve(waiting.contentKey()));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}: {}", dir, e.getMessage());
        }
    }
}
