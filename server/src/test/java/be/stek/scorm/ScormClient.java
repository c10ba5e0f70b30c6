package be.stek.scorm;

import be.stek.testing.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCORM as a script sees it, for runs outside JUnit (deploy/scale-test.sh): an admin imports a test package through
 * any address of Stek (nginx, say), a learner opens the player and commits run-time data to the content origin that
 * the player names, as the run-time in the browser does.
 */
public final class ScormClient {
    private static final Pattern COMMIT_URL = Pattern.compile("data-commit=\"([^\"]+)\"");
    private static final Pattern LAUNCHER = Pattern.compile("id=\"scorm-launcher\"[^>]* src=\"([^\"]+)\"");

    private ScormClient() {
    }

    /** Imports the test package {@code folder} (e.g. resume-2004) as the signed-in admin; returns its slug. */
    public static String importPackage(Http admin, UnaryOperator<String> stek, String folder) {
        byte[] zip = TestPackages.zip(folder);
        String boundary = "----stek" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + admin.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"" + folder
                + ".zip\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(stek.apply("/admin/scorm/import")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        if (r.statusCode() != 303) {
            throw new IllegalStateException("import of " + folder + " failed: " + r.statusCode() + " " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Opens the player of item {@code item} and returns the commit address its run-time page names. */
    public static String launch(Http learner, String slug, String item) {
        String page = learner.get("/scorm/packages/" + slug + "/play/" + item).body();
        Matcher launcher = LAUNCHER.matcher(page);
        if (!launcher.find()) {
            throw new IllegalStateException("no launcher on the player page of " + slug);
        }
        String runtime = launcher.group(1).replace("&amp;", "&");
        Matcher commit = COMMIT_URL.matcher(learner.get(runtime).body());
        if (!commit.find()) {
            throw new IllegalStateException("no commit address on " + runtime);
        }
        return runtime.substring(0, runtime.indexOf("/launch/")) + commit.group(1);
    }

    /** A SCORM 2004 commit that suspends the attempt at {@code location}; true when Stek applied and stored it. */
    public static boolean commit(Http learner, String url, int sequence, String location) {
        String json;
        try {
            json = CommitParser.JSON.writeValueAsString(Map.of("commitSequence", sequence, "cmi", Map.of("location",
                    location, "exit", "suspend", "session_time", "PT1S", "completion_status", "incomplete")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> r = learner.postRaw(url, json, "application/json;charset=UTF-8");
        return r.statusCode() == 200 && r.body().contains("\"result\":true") && r.body().contains("\"applied\"");
    }
}
