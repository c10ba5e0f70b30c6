package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Chromium;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Replays the SCORM run-time conformance vectors (ADL 2004 4th edition test suite, decoded by scorm-again, plus
 * scorm-again's 1.2 probes) against Stek's player in Chromium: each activity is a real launch of a harness package,
 * and what an activity expects the LMS to have seeded (entry, suspend_data, total time, passing score, completion
 * threshold, attempt limit) comes from the package's manifest and from an earlier session Stek stored. Steps marked
 * {@code knownDivergence} are scorm-again's deliberate differences from ADL: they must behave as pinned there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceReplayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = resources("/scorm/adl-rte-fixtures");

    private Path data;
    private TestServer server;
    private Chromium chromium;
    private long learner;
    private String slug2004;
    private String slug12;

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("stek-replay-");
        server = TestServer.start(data);
        server.addUser("beheer@example.be", "Bea Beheer", Role.ADMIN);
        Http admin = new Http(server).signIn("beheer@example.be");
        slug2004 = TestPackages.imported(admin, server, "harness-2004.zip", TestPackages.zip("harness-2004"));
        slug12 = TestPackages.imported(admin, server, "harness-12.zip", TestPackages.zip("harness-12"));
        learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
        chromium = Chromium.start(server);
        chromium.signIn("lotte@example.be");
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
        PackageImporter.deleteTree(data);
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            return s.filter(p -> p.toString().endsWith(".json")).map(p -> FIXTURES.relativize(p).toString()).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void every_step_returns_what_the_conformance_vector_expects(String file) throws Exception {
        JsonNode fixture = JSON.readTree(FIXTURES.resolve(file).toFile());
        ScormVersion version = "1.2".equals(fixture.path("scormVersion").asText()) ? ScormVersion.SCORM_12
                : ScormVersion.SCORM_2004;
        List<String> problems = new ArrayList<>();
        for (JsonNode activity : fixture.path("activities")) {
            List<Map<String, Object>> actual = replay(version, activity);
            JsonNode steps = activity.path("steps");
            for (int i = 0; i < steps.size(); i++) {
                String problem = check(steps.get(i), actual.get(i));
                if (problem != null) {
                    problems.add(activity.path("id").asText() + " step " + (i + 1) + " " + describe(steps.get(i))
                            + ": " + problem);
                }
            }
        }
        assertTrue(problems.isEmpty(), file + ":\n" + String.join("\n", problems));
    }

    /** One activity: a fresh attempt, seeded the way production seeds it, then the steps in the SCO's frame. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> replay(ScormVersion version, JsonNode activity) throws Exception {
        String slug = version == ScormVersion.SCORM_12 ? slug12 : slug2004;
        JsonNode seed = activity.path("initialState").path("cmi");
        String item = version == ScormVersion.SCORM_12 ? "plain" : item(seed);
        ScormPackage pkg = new PackageRepository(server.db()).bySlug(slug).orElseThrow();
        CmiStore store = new CmiStore(server.db());
        store.endAttempt(learner, pkg.id(), item, Instant.now());
        earlierSession(store, pkg, item, seed);
        chromium.driver().switchTo().defaultContent();
        chromium.open("/scorm/packages/" + slug + "/play/" + item);
        Player.enterSco(chromium);
        chromium.await(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return typeof window.replay === 'function';")));
        List<Object> steps = JSON.convertValue(activity.path("steps"), List.class);
        return (List<Map<String, Object>>) ((JavascriptExecutor) chromium.driver()).executeScript(
                "return replay(arguments[0], arguments[1]);", version.code(), steps);
    }

    /** The harness item whose manifest values are the ones the activity expects at launch. */
    private static String item(JsonNode seed) {
        String key = seed.path("max_time_allowed").asText("") + "|" + seed.path("scaled_passing_score").asText("")
                + "|" + seed.path("completion_threshold").asText("");
        return switch (key) {
            case "P5Y6M4DT12H30M58S||" -> "mta";
            case "P5Y6M4DT12H30M58.55S|0.7|" -> "mta2-sps07";
            case "|0.8|" -> "sps08";
            case "|-0.5|" -> "spsm05";
            case "|1.0|" -> "sps10";
            case "||0.8" -> "ct08";
            case "|0.6|0.6" -> "ct06-sps06";
            case "||" -> "plain";
            default -> throw new IllegalArgumentException("no harness item for " + key);
        };
    }

    /**
     * What the activity expects a learner to bring from before (resume, suspend_data, total time, a measure or a
     * score) is produced by an earlier session that commits it through Stek's store, as the player would.
     */
    private void earlierSession(CmiStore store, ScormPackage pkg, String item, JsonNode seed) throws Exception {
        boolean resume = "resume".equals(seed.path("entry").asText());
        String total = seed.path("total_time").asText("");
        boolean carry = resume || seed.has("suspend_data") || seed.has("progress_measure") || seed.has("score")
                || (!total.isEmpty() && !"PT0H0M0S".equals(total));
        if (!carry) {
            return;
        }
        ObjectNode cmi = JSON.createObjectNode();
        cmi.put("exit", resume ? "suspend" : "");
        for (String field : new String[] {"suspend_data", "progress_measure"}) {
            if (seed.has(field)) {
                cmi.put(field, seed.get(field).asText());
            }
        }
        if (seed.has("score")) {
            cmi.set("score", seed.get("score"));
        }
        if (!total.isEmpty()) {
            cmi.put("session_time", total);
        }
        CmiStore.Launch launch = store.launch(learner, pkg, item);
        String body = JSON.writeValueAsString(Map.of("cmi", cmi, "commitSequence", 1));
        store.commit(launch.key(), CommitParser.parse(body, pkg.version()), resume, Instant.now());
    }

    private static String check(JsonNode step, Map<String, Object> actual) {
        JsonNode expectedReturn = step.path("expectedReturn");
        String expectedError = step.path("expectedErrorCode").asText();
        JsonNode divergence = step.get("knownDivergence");
        if (divergence != null) {
            expectedReturn = divergence.path("actualReturn");
            expectedError = divergence.path("actualErrorCode").asText();
        }
        String ret = String.valueOf(actual.get("ret"));
        String err = String.valueOf(actual.get("err"));
        boolean returnOk = expectedReturn.isObject() ? matches(expectedReturn.path("match").asText(), ret)
                : expectedReturn.asText().equals(ret);
        if (returnOk && expectedError.equals(err)) {
            return null;
        }
        return "expected " + expectedReturn + " / error " + expectedError + ", got \"" + ret + "\" / error " + err;
    }

    private static boolean matches(String rule, String value) {
        if ("nonEmptyMax255".equals(rule)) {
            return !value.isEmpty() && value.length() <= 255;
        }
        throw new IllegalArgumentException("unknown match rule " + rule);
    }

    private static String describe(JsonNode step) {
        return step.path("method").asText() + "(" + step.path("element").asText("")
                + (step.has("value") ? ", \"" + step.path("value").asText() + "\"" : "") + ")";
    }

    private static Path resources(String path) {
        try {
            return Path.of(ConformanceReplayIT.class.getResource(path).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
