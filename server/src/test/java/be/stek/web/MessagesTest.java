package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every UI string exists in Dutch and English, and every key a template uses exists. */
class MessagesTest {
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("t\\(\\s*\"([a-zA-Z0-9.\\-]+)\"\\s*[,)]");

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Set.of();
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void dutch_and_english_have_the_same_keys() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            String base = "/" + bundle.replace('.', '/');
            Set<String> nl = keys(base + ".properties");
            Set<String> en = keys(base + "_en.properties");
            assertEquals(nl, en, bundle);
        }
    }

    @Test
    void every_literal_key_in_the_templates_exists() throws IOException {
        Messages nl = Messages.of("nl");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("server/src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                Matcher m = KEY_IN_TEMPLATE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!nl.has(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing keys: " + missing);
    }

    @Test
    void arguments_are_filled_in_and_apostrophes_survive() {
        assertEquals("Dag An, hier zie je waar je staat in elke module.", Messages.of("nl").get("dashboard.hello", "An"));
        assertEquals("Hello An, here is where you stand in each module.", Messages.of("en").get("dashboard.hello", "An"));
        assertTrue(Messages.of("nl").get("footer.about").contains("baby's"));
    }

    @Test
    void counts_take_the_singular_or_the_plural() {
        assertEquals("1 gebruiker", Messages.of("nl").get("admin.users.caption", 1));
        assertEquals("3 gebruikers", Messages.of("nl").get("admin.users.caption", 3));
        assertEquals("Beste score 80% (1 poging)", Messages.of("nl").get("course.bestScore", 80, 1));
        assertEquals("Best score 80% (2 attempts)", Messages.of("en").get("course.bestScore", 80, 2));
        assertEquals("1 van 1 casus", Messages.of("nl").get("course.vignettesDone", 1, 1));
    }
}
