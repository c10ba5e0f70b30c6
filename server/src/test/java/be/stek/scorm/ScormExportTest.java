package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.App;
import be.stek.Config;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in course (courses/) exports as SCORM 1.2 and SCORM 2004 4th edition packages whose manifests are
 * valid against the official IMS/ADL schemas (fetched at build time, see server/pom.xml), that Stek's own importer
 * accepts, and that are self-contained: every page, asset and medium they refer to is in the zip.
 */
class ScormExportTest {
    static final Path XSD = Path.of("server/target/npm-xsd/package/lib/schemas/definitionFiles");
    private static final Pattern LOCAL_REF = Pattern.compile("(?:href|src)=\"([^\"#:]+)(?:#[^\"]*)?\"");

    static Stream<Arguments> coursesAndVersions() {
        return catalogue().courses().stream().flatMap(c -> Stream.of(Arguments.of(c.slug(), ScormVersion.SCORM_12),
                Arguments.of(c.slug(), ScormVersion.SCORM_2004)));
    }

    static Catalogue catalogue() {
        Config config = new Config("127.0.0.1", 0, Path.of("data"), Path.of("courses"), Path.of("media"),
                "http://localhost", false);
        return new Catalogue(App.courseLoader(config), false);
    }

    static byte[] export(Catalogue catalogue, String slug, ScormVersion version) {
        Course course = catalogue.course(slug).orElseThrow();
        return new ScormExporter(Path.of("courses"), Path.of("media")).export(course, catalogue.glossary(), version);
    }

    @ParameterizedTest(name = "{0} as SCORM {1}")
    @MethodSource("coursesAndVersions")
    void exported_course_has_a_schema_valid_manifest_and_contains_everything_it_refers_to(String slug,
                                                                                            ScormVersion version,
                                                                                            @TempDir Path dir)
            throws Exception {
        Catalogue catalogue = catalogue();
        Map<String, byte[]> files = unzip(export(catalogue, slug, version));
        byte[] manifest = files.get("imsmanifest.xml");
        String locations = new String(manifest, StandardCharsets.UTF_8).replaceAll("(?s).*schemaLocation=\"([^\"]*)\".*",
                "$1");
        String[] pairs = locations.trim().split("\\s+");
        for (int i = 1; i < pairs.length; i += 2) {
            assertTrue(files.containsKey(pairs[i]), "the manifest names " + pairs[i] + ", which is not in the zip");
        }
        for (var f : files.entrySet()) {
            if (!f.getKey().contains("/") && (f.getKey().endsWith(".xsd") || f.getKey().endsWith(".dtd"))) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
        }
        schema(version, dir).newValidator().validate(new StreamSource(new ByteArrayInputStream(manifest)));

        Manifest parsed = ManifestParser.parse(manifest);
        assertEquals(version, parsed.version());
        assertEquals("index.html", parsed.launchable().get(0).launch());
        assertEquals(catalogue.course(slug).orElseThrow().title(), parsed.title());
        for (var f : files.entrySet()) {
            if (f.getKey().endsWith(".html")) {
                assertSelfContained(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8), files);
            }
        }
        String data = new String(files.get("assets/course-data.js"), StandardCharsets.UTF_8);
        assertFalse(data.contains("\"/media/") || data.contains("\"/courses/"), "no Stek URL left in the activities");
        assertTrue(files.containsKey("assets/stek-engine.js") && files.containsKey("assets/stek-course.css"));
    }

    @ParameterizedTest(name = "{0} as SCORM {1}")
    @MethodSource("coursesAndVersions")
    void the_same_course_exports_to_the_same_bytes(String slug, ScormVersion version) {
        Catalogue catalogue = catalogue();
        assertTrue(java.util.Arrays.equals(export(catalogue, slug, version), export(catalogue, slug, version)));
    }

    @org.junit.jupiter.api.Test
    void the_schemas_catch_what_an_lms_would_refuse() throws Exception {
        Catalogue catalogue = catalogue();
        String slug = catalogue.courses().get(0).slug();
        for (ScormVersion version : ScormVersion.values()) {
            String manifest = new String(unzip(export(catalogue, slug, version)).get("imsmanifest.xml"),
                    StandardCharsets.UTF_8);
            String broken = manifest.replaceFirst("scorm[tT]ype=\"sco\"", "$0 adlcp:masteryScore=\"x\"")
                    .replace("<organizations ", "<organisations ").replace("</organizations>", "</organisations>");
            org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class, () -> schema(version)
                    .newValidator().validate(new StreamSource(new ByteArrayInputStream(broken.getBytes(
                            StandardCharsets.UTF_8)))), version + ": a misspelt element must fail validation");
        }
    }

    private static void assertSelfContained(String page, String html, Map<String, byte[]> files) {
        Matcher m = LOCAL_REF.matcher(html);
        Path base = Path.of(page).getParent();
        while (m.find()) {
            String ref = m.group(1);
            assertFalse(ref.startsWith("/"), page + " still links to Stek: " + ref);
            String target = (base == null ? Path.of(ref) : base.resolve(ref)).normalize().toString().replace('\\', '/');
            assertTrue(files.containsKey(target), page + " refers to " + ref + ", which is not in the package");
        }
    }

    /** The official schemas: 1.2 (IMS CP 1.1.2, ADL CP 1.2) or 2004 4th edition (IMS CP 1.1.4, ADL CP/SEQ/NAV, IMS SS). */
    static Schema schema(ScormVersion version) throws Exception {
        assertTrue(Files.isDirectory(XSD), "the build fetches the SCORM schemas into " + XSD.toAbsolutePath());
        return schema(version, XSD.resolve(version == ScormVersion.SCORM_12 ? "scorm12edition" : "scorm20044thedition"));
    }

    /** The same schemas from another folder, such as the root of an exported package. */
    static Schema schema(ScormVersion version, Path dir) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setResourceResolver(ScormExportTest::xmlNamespaceSchema);
        String[] names = version == ScormVersion.SCORM_12
                ? new String[] {"imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"}
                : new String[] {"imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd",
                        "imsss_v1p0.xsd"};
        Source[] sources = new Source[names.length];
        for (int i = 0; i < names.length; i++) {
            sources[i] = new StreamSource(dir.resolve(names[i]).toFile());
        }
        return factory.newSchema(sources);
    }

    /**
     * The schema for the {@code xml:} attributes. The 1.2 set's {@code ims_xml.xsd} binds the xml namespace as a
     * default namespace, which current XML parsers refuse, and the W3C {@code xml.xsd} in the 2004 set starts with
     * a DOCTYPE for a DTD it does not ship; both declare the same {@code xml:lang} and {@code xml:base}. So both sets
     * get the W3C schema, without its DOCTYPE line. Every other schema is used exactly as published.
     */
    private static org.w3c.dom.ls.LSInput xmlNamespaceSchema(String type, String namespace, String publicId,
                                                             String systemId, String baseUri) {
        if (!XMLConstants.XML_NS_URI.equals(namespace)) {
            return null;
        }
        try {
            String xsd = Files.readString(XSD.resolve("scorm20044thedition/xml.xsd"), StandardCharsets.UTF_8)
                    .replaceFirst("<!DOCTYPE[^>]*>", "");
            var ls = (org.w3c.dom.ls.DOMImplementationLS) org.w3c.dom.bootstrap.DOMImplementationRegistry.newInstance()
                    .getDOMImplementation("LS");
            org.w3c.dom.ls.LSInput input = ls.createLSInput();
            input.setStringData(xsd);
            input.setSystemId(XSD.resolve("scorm20044thedition/xml.xsd").toUri().toString());
            return input;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
