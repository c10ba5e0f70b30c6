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

    /**
     * Requests from several signed-in visitors: request n of a wrk thread carries the cookie (and POST body, whose
     * CSRF token belongs to that session) of visitor n, round-robin over the thread's own half of the visitors, so
     * that concurrent writes are mostly by different learners, as in a class.
     */
    static Benchmark.Figures runAs(String name, String url, List<String> cookies, List<String> bodies, int connections,
                                   Duration warmup, Duration measure) throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("visitors = {\n");
        for (int i = 0; i < cookies.size(); i++) {
            lua.append("  {\"").append(cookies.get(i)).append("\", \"").append(bodies == null ? "" : bodies.get(i))
                    .append("\"},\n");
        }
        lua.append("}\nthreads = 0\nsetup = function(thread) thread:set(\"id\", threads); threads = threads + 1 end\n")
                .append("init = function(args) n = id end\n")
                .append("request = function()\n  n = n + 2\n  local v = visitors[(n % #visitors) + 1]\n")
                .append("  local headers = {}\n  headers[\"Cookie\"] = v[1]\n");
        if (bodies != null) {
            lua.append("  headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n")
                    .append("  return wrk.format(\"POST\", nil, headers, v[2])\n");
        } else {
            lua.append("  return wrk.format(\"GET\", nil, headers, nil)\n");
        }
        lua.append("end\n");
        return measure(name, url, lua.toString(), connections, warmup, measure);
    }

    static Benchmark.Figures run(String name, String url, String cookie, String postBody, int connections,
                                 Duration warmup, Duration measure) throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder();
        if (postBody != null) {
            lua.append("wrk.method = \"POST\"\nwrk.body = \"").append(postBody).append("\"\n")
                    .append("wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
        }
        if (cookie != null) {
            lua.append("wrk.headers[\"Cookie\"] = \"").append(cookie).append("\"\n");
        }
        return measure(name, url, lua.toString(), connections, warmup, measure);
    }

    private static Benchmark.Figures measure(String name, String url, String lua, int connections, Duration warmup,
                                             Duration measure) throws IOException, InterruptedException {
        Path script = Files.createTempFile("stek-bench", ".lua");
        Files.writeString(script, lua);
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
        // A request slower than 10 s counts as an error (wrk's default gives up after 2 s, hiding slow pages).
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + d.toSeconds() + "s",
                "--timeout", "10s", "--latency", "-s", script.toString(), url));
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
