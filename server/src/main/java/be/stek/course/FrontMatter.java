package be.stek.course;

import java.util.Optional;

/** A Markdown file split into its YAML header and its body, with the line where each starts. */
record FrontMatter(YamlTree header, String body, int bodyLine) {

    /** Splits {@code text}; reports a missing or unclosed header. */
    static Optional<FrontMatter> split(String text, String file, Problems problems) {
        String unix = text.replace("\r\n", "\n");
        String normalized = unix.startsWith("\uFEFF") ? unix.substring(1) : unix;
        if (!normalized.startsWith("---\n")) {
            problems.add(file, 1, "the file must start with a `---` header (title and other fields), closed by `---`");
            return Optional.empty();
        }
        int close = normalized.indexOf("\n---\n", 3);
        if (close < 0 && normalized.endsWith("\n---")) {
            close = normalized.length() - 4;
        }
        if (close < 0) {
            problems.add(file, 1, "the header is not closed by a `---` line");
            return Optional.empty();
        }
        String yaml = normalized.substring(4, close + 1);
        int bodyStart = Math.min(normalized.length(), close + 5);
        int bodyLine = (int) normalized.substring(0, bodyStart).chars().filter(c -> c == '\n').count() + 1;
        return YamlTree.parse(yaml, file, 2, problems)
                .map(tree -> new FrontMatter(tree, normalized.substring(bodyStart), bodyLine));
    }
}
