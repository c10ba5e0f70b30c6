package be.stek.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (a Debian package) against one URL and reads its requests per second and latency percentiles. */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    static Benchmark.Figures run(String name, String url, String cookie, String postBody, int connections,
                                 Duration warmup, Duration measure) throws IOException, InterruptedException {
        Path script = Files.createTempFile("stek-bench", ".lua");
        StringBuilder lua = new StringBuilder();
        if (postBody != null) {
            lua.append("wrk.method = \"POST\"\nwrk.body = \"").append(postBody).append("\"\n")
                    .append("wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
        }
        if (cookie != null) {
            lua.append("wrk.headers[\"Cookie\"] = \"").append(cookie).append("\"\n");
        }
        Files.writeString(script, lua.toString());
        wrk(url, script, connections, warmup);
        String out = wrk(url, script, connections, measure);
        Files.deleteIfExists(script);
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("wrk said:\n" + out);
        }
        return new Benchmark.Figures(name, Double.parseDouble(rate.group(1)), percentile(out, "50%"),
                percentile(out, "99%"), errors(out));
    }

    private static String wrk(String url, Path script, int connections, Duration d) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + d.toSeconds() + "s",
                "--latency", "-s", script.toString(), url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** A latency percentile line of wrk --latency ("99%   12.34ms") in milliseconds. */
    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static long errors(String out) {
        long n = 0;
        Matcher m = ERRORS.matcher(out);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    n += Long.parseLong(m.group(g));
                }
            }
        }
        return n;
    }
}
