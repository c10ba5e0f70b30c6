package be.stek.course;

import java.util.ArrayList;
import java.util.List;

/** Problems (errors) and warnings found while loading courses, each printed as {@code file:line: message}. */
public final class Problems {
    /** One problem at a place in a file. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final List<Problem> list = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void add(String file, int line, String message) {
        list.add(new Problem(file, Math.max(1, line), message));
    }

    /**
     * A warning: the course still loads, but something will probably go wrong for learners (an item whose best
     * option can be found from its form, a reading time that is too short). Warnings never count as problems.
     */
    public void warn(String file, int line, String message) {
        warnings.add(new Problem(file, Math.max(1, line), message));
    }

    public void addAll(Problems other) {
        list.addAll(other.list);
        warnings.addAll(other.warnings);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }
}
