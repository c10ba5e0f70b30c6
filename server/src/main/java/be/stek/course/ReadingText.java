package be.stek.course;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a learner reads in a lesson's Markdown: the number of words (prose, cases, options and feedback; not the
 * YAML keys of activity blocks, nor ids and other values nobody reads) and the title of its last {@code ##} section.
 */
record ReadingText(int words, Optional<String> lastSection, int lastSectionLine) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Pattern KEY = Pattern.compile("^\\s*(?:-\\s+)?([a-z]+):\\s?(.*)$");
    /** Block keys whose values are never shown as text. */
    private static final Set<String> UNREAD = Set.of("id", "next", "weight", "correct", "type", "start", "lesson",
            "image", "audio", "shuffle", "draw", "graded", "team", "nuance", "label");

    static ReadingText of(String markdown) {
        int words = 0;
        String last = null;
        int lastLine = 0;
        boolean fenced = false;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                Matcher key = KEY.matcher(line);
                if (key.matches()) {
                    if (UNREAD.contains(key.group(1))) {
                        continue;
                    }
                    line = key.group(2);
                }
            } else if (line.startsWith("## ")) {
                last = line.substring(3).replaceAll("\\{#[^}]*}", "").strip().toLowerCase(Locale.ROOT);
                lastLine = i;
            }
            Matcher w = WORD.matcher(LINK_TARGET.matcher(line).replaceAll("]"));
            while (w.find()) {
                words++;
            }
        }
        return new ReadingText(words, Optional.ofNullable(last), lastLine);
    }
}
