package be.stek.scorm;

import be.stek.course.Course;
import be.stek.course.Glossary;
import be.stek.web.Messages;
import be.stek.web.Templates;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports a course as one self-contained SCO, for SCORM 1.2 or SCORM 2004 4th edition: the static pages, the media
 * they use, a stylesheet, the vignette engine and its data, the manifest and the schemas it names. The engine scores exactly like
 * {@link be.stek.quiz.QuizGrader} and reports status, score and every answer (as an interaction with its question
 * text) through the LMS's run-time API. The same course gives the same bytes: entries carry a fixed date.
 */
final class ScormExporter {
    static final String[] ASSETS = {"stek-engine.js", "stek-course.css"};
    /**
     * The schema files at the root of the package (the manifest's {@code xsi:schemaLocation} names them, and LMSs
     * and validators look for them there): the official IMS/ADL XSDs of each version, from the build.
     */
    static final List<String> XSD_12 = List.of("imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd",
            "ims_xml.xsd");
    static final List<String> XSD_2004 = List.of("imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd",
            "adlnav_v1p3.xsd", "imsss_v1p0.xsd", "imsss_v1p0auxresource.xsd", "imsss_v1p0control.xsd",
            "imsss_v1p0delivery.xsd", "imsss_v1p0limit.xsd", "imsss_v1p0objective.xsd", "imsss_v1p0random.xsd",
            "imsss_v1p0rollup.xsd", "imsss_v1p0seqrule.xsd", "imsss_v1p0util.xsd", "xml.xsd", "XMLSchema.dtd",
            "datatypes.dtd");
    private static final long FIXED_TIME = 1_767_225_600_000L;
    private static final List<String> LABELS = List.of("quiz.question", "quiz.submit", "quiz.yourChoice",
            "quiz.questionScore", "quiz.explanation", "quiz.source", "quiz.pickAll", "quiz.pickOne", "quiz.done",
            "quiz.case", "quiz.transcript", "quiz.chooseFirst", "quiz.nuance", "branching.pathSoFar",
            "branching.step", "branching.whatDoYouDo", "branching.choose", "branching.ending",
            "branching.pathScore", "activity.practiceNote", "scorm.export.activityScore", "scorm.export.noLms",
            "scorm.export.saved", "scorm.export.complete", "scorm.export.next", "scorm.export.previous",
            "scorm.export.contents", "scorm.export.progress", "scorm.export.visited", "scorm.export.notSaved",
            "scorm.export.retry", "scorm.export.closed", "scorm.export.verdict", "scorm.export.notYet",
            "scorm.export.noMark", "scorm.export.passed", "scorm.export.failed", "scorm.export.reflectionKept",
            "scorm.export.reflectionNotKept");

    private final Path coursesDir;
    private final Path mediaDir;
    private final Templates templates = new Templates();

    ScormExporter(Path coursesDir, Path mediaDir) {
        this.coursesDir = coursesDir;
        this.mediaDir = mediaDir;
    }

    byte[] export(Course course, Glossary glossary, ScormVersion version) {
        Messages m = Messages.of(course.meta().language().startsWith("en") ? Messages.ENGLISH : Messages.DUTCH);
        LinkRewriter links = new LinkRewriter(course.slug(), ExportPages.files(course));
        List<ExportPages.Page> pages = ExportPages.render(course, glossary, links, templates, m);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", shell(course, version, m));
        String data = "var STEK_COURSE = " + json(courseJson(course, version, pages, links, m)) + ";\n";
        pages.forEach(p -> files.put("pages/" + p.file(), p.html().getBytes(StandardCharsets.UTF_8)));
        files.put("assets/course-data.js", data.getBytes(StandardCharsets.UTF_8));
        for (String asset : ASSETS) {
            files.put("assets/" + asset, classpath("/static/scorm/export/" + asset));
        }
        links.media().forEach((rel, target) -> files.put(target, read(mediaDir.resolve(rel))));
        links.files().forEach((rel, target) -> files.put(target, read(coursesDir.resolve(course.slug()).resolve(rel))));
        byte[] manifest = ExportManifest.xml(course, version, List.copyOf(files.keySet()))
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(PackageImporter.MANIFEST, manifest);
        for (String xsd : version == ScormVersion.SCORM_12 ? XSD_12 : XSD_2004) {
            all.put(xsd, classpath("/scorm/xsd/" + version.code() + "/" + xsd));
        }
        all.putAll(files);
        return zip(all);
    }

    private Map<String, Object> courseJson(Course course, ScormVersion version, List<ExportPages.Page> pages,
                                           LinkRewriter links, Messages m) {
        Map<String, String> labels = new LinkedHashMap<>();
        LABELS.forEach(k -> labels.put(k, m.get(k)));
        return CourseData.map("slug", course.slug(), "title", course.title(), "version", course.meta().version(),
                "scorm", version.code(), "mastery", course.meta().mastery(),
                "pages", pages.stream().map(p -> CourseData.map("file", p.file(), "title", p.title(),
                        "counts", p.counts())).toList(),
                "graded", course.gradedActivities().stream().map(a -> a.id()).toList(),
                "activities", CourseData.activities(course, links, m), "labels", labels);
    }

    private byte[] shell(Course course, ScormVersion version, Messages m) {
        Map<String, Object> model = CourseData.map("courseTitle", course.title(), "scorm", version.code(),
                "first", "pages/" + ExportPages.INTRO);
        return templates.render("scorm/export/shell", model, m).getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return CommitParser.JSON.writeValueAsString(value).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classpath(String path) {
        try (InputStream in = ScormExporter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export " + file, e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(FIXED_TIME);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
