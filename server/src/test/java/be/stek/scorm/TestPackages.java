package be.stek.scorm;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The test packages: source folders under {@code src/test/resources/scorm/packages/} zipped on demand, the list of
 * bad packages built from them, the Rustici sample from {@code ../shared} when it is there, and the admin upload.
 */
final class TestPackages {
    static final Path SHARED = Path.of("../shared/testdata/scorm");
    static final String GOLF = "RuntimeBasicCalls_SCORM12.zip";

    private TestPackages() {
    }

    static Path folder(String name) {
        try {
            return Path.of(TestPackages.class.getResource("/scorm/packages/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files of a package folder: path in the zip → bytes. A folder {@code x-12} is completed by the files its
     * sibling versions share, kept once in {@code x-common/} (the package's own files win).
     */
    static Map<String, byte[]> files(String name) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String common = name.substring(0, Math.max(0, name.lastIndexOf('-'))) + "-common";
        if (TestPackages.class.getResource("/scorm/packages/" + common) != null) {
            files.putAll(filesIn(folder(common)));
        }
        files.putAll(filesIn(folder(name)));
        return files;
    }

    private static Map<String, byte[]> filesIn(Path dir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static byte[] zip(String name) {
        return zip(files(name));
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A zip whose central directory claims {@code declared} bytes for the entry {@code name}, whatever it really
     * holds: the sizes a zip declares are only claims.
     */
    static byte[] lyingAboutSize(Map<String, byte[]> files, String name, int declared) {
        byte[] zip = zip(files);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                int nameLength = b.getShort(i + 28) & 0xffff;
                if (new String(zip, i + 46, nameLength, StandardCharsets.UTF_8).equals(name)) {
                    b.putInt(i + 24, declared);
                    return zip;
                }
            }
        }
        throw new IllegalArgumentException("no entry " + name);
    }

    /** A manifest whose organization nests {@code depth} items inside each other. */
    static byte[] deepManifest(int depth) {
        String open = "<item identifier=\"i\"><title>x</title>";
        return ("<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" identifier=\"m\"><organizations "
                + "default=\"o\"><organization identifier=\"o\"><title>Diep</title>" + open.repeat(depth)
                + "</item>".repeat(depth) + "</organization></organizations><resources/></manifest>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The Rustici "Golf" SCORM 1.2 sample from ../shared; skips the test when ../shared is not there. */
    static byte[] golf() {
        Path zip = SHARED.resolve(GOLF);
        Assumptions.assumeTrue(Files.isRegularFile(zip),
                "needs ../shared/testdata/scorm/" + GOLF + " (the repository root's sibling); runs in CI");
        try {
            return Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a zip through the admin import form, as a browser would (multipart, CSRF token). */
    static HttpResponse<String> upload(Http http, TestServer server, String filename, byte[] zip) {
        String boundary = "----stek" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String token = http.csrf();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/zip\r\n\r\n");
        body.writeBytes(zip);
        write(body, "\r\n--" + boundary + "--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create(server.url("/admin/scorm/import")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Uploads and expects the import to succeed; returns the package's slug. */
    static String imported(Http http, TestServer server, String filename, byte[] zip) {
        HttpResponse<String> r = upload(http, server, filename, zip);
        if (r.statusCode() != 303) {
            throw new AssertionError("import of " + filename + " failed: " + r.statusCode() + "\n" + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A binary download as the signed-in user of {@code http} (its session cookie). */
    static HttpResponse<byte[]> download(Http http, TestServer server, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Cookie", "stek_session=" + http.cookie("stek_session")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
