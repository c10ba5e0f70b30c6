package be.stek.course;

import java.util.ArrayList;
import java.util.List;

/** Problems found while loading courses, each printed as {@code file:line: message}. */
public final class Problems {
    /** One problem at a place in a file. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final List<Problem> list = new ArrayList<>();

    public void add(String file, int line, String message) {
        list.add(new Problem(file, Math.max(1, line), message));
    }

    public void addAll(Problems other) {
        list.addAll(other.list);
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
