package be.stek.course;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document read as a tree that remembers line numbers, so that every problem an author makes is reported
 * at its line. Reading a missing or mistyped value records a problem and returns a neutral value; the caller goes on
 * to find the next problem.
 */
public final class YamlTree {
    private final Node node;
    private final String file;
    private final int lineOffset;
    private final Problems problems;

    private YamlTree(Node node, String file, int lineOffset, Problems problems) {
        this.node = node;
        this.file = file;
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    /** Parses {@code text}, whose first line is line {@code firstLine} of {@code file}; empty on a syntax error. */
    public static Optional<YamlTree> parse(String text, String file, int firstLine, Problems problems) {
        try {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            Node root = yaml.compose(new StringReader(text));
            if (!(root instanceof MappingNode)) {
                problems.add(file, firstLine, "expected `key: value` lines");
                return Optional.empty();
            }
            return Optional.of(new YamlTree(root, file, firstLine, problems));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
            problems.add(file, firstLine + line, "YAML: " + e.getProblem()
                    + " (quote the value, or write it as a `|` block)");
        } catch (YAMLException e) {
            problems.add(file, firstLine, "YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    public int line() {
        return lineOffset + node.getStartMark().getLine();
    }

    public String file() {
        return file;
    }

    public void problem(String message) {
        problems.add(file, line(), message);
    }

    public Problems problems() {
        return problems;
    }

    private Map<String, Node> entries() {
        Map<String, Node> map = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    if (map.containsKey(k.getValue())) {
                        problems.add(file, lineOffset + k.getStartMark().getLine(), "duplicate key `" + k.getValue() + "`");
                    }
                    map.put(k.getValue(), t.getValueNode());
                }
            }
        }
        return map;
    }

    /** Reports every key that is not in {@code allowed}: usually a typo that would otherwise be silently ignored. */
    public void allowOnly(Set<String> allowed) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && !allowed.contains(k.getValue())) {
                    problems.add(file, lineOffset + k.getStartMark().getLine(), "unknown key `" + k.getValue()
                            + "` (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }
    }

    public boolean has(String key) {
        return entries().containsKey(key);
    }

    private Node value(String key, boolean required) {
        Node v = entries().get(key);
        if (v == null && required) {
            problem("missing `" + key + "`");
        }
        return v;
    }

    /** A text value; null when missing (a problem if required) or not text. */
    public String string(String key, boolean required) {
        Node v = value(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ScalarNode s)) {
            at(v, "`" + key + "` must be text");
            return null;
        }
        if (s.getValue().isBlank() && required) {
            at(v, "`" + key + "` is empty");
            return null;
        }
        return s.getValue();
    }

    /** A whole number within bounds. */
    public Integer integer(String key, boolean required, int min, int max) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n < min || n > max) {
                at(value(key, false), "`" + key + "` must be between " + min + " and " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            at(value(key, false), "`" + key + "` must be a whole number");
            return null;
        }
    }

    /** A decimal number within bounds. */
    public Double number(String key, boolean required, double min, double max) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        try {
            double n = Double.parseDouble(s.strip());
            if (n < min || n > max) {
                at(value(key, false), "`" + key + "` must be between " + min + " and " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            at(value(key, false), "`" + key + "` must be a number");
            return null;
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String s = string(key, false);
        if (s == null) {
            return defaultValue;
        }
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        at(value(key, false), "`" + key + "` must be true or false");
        return defaultValue;
    }

    /** A list of texts (YAML list, or {@code [a, b]}). */
    public List<String> strings(String key, boolean required) {
        List<String> out = new ArrayList<>();
        for (YamlTree item : items(key, required)) {
            if (item.node instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue());
            } else {
                item.problem("each item of `" + key + "` must be text");
            }
        }
        return out;
    }

    /** A list of nested maps. */
    public List<YamlTree> maps(String key, boolean required) {
        List<YamlTree> out = new ArrayList<>();
        for (YamlTree item : items(key, required)) {
            if (item.node instanceof MappingNode) {
                out.add(item);
            } else {
                item.problem("each item of `" + key + "` must be a set of `key: value` lines");
            }
        }
        return out;
    }

    private List<YamlTree> items(String key, boolean required) {
        Node v = value(key, required);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof SequenceNode seq)) {
            at(v, "`" + key + "` must be a list");
            return List.of();
        }
        if (seq.getValue().isEmpty() && required) {
            at(v, "`" + key + "` is empty");
        }
        return seq.getValue().stream().map(n -> new YamlTree(n, file, lineOffset, problems)).toList();
    }

    /** The line of a key's value (for problems found later). */
    public int lineOf(String key) {
        Node v = entries().get(key);
        return v == null ? line() : lineOffset + v.getStartMark().getLine();
    }

    private void at(Node v, String message) {
        problems.add(file, v == null ? line() : lineOffset + v.getStartMark().getLine(), message);
    }
}
