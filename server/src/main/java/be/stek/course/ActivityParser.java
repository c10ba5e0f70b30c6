package be.stek.course;

import java.util.Set;

/** Turns the YAML of a fenced activity block into an {@link Activity}, reporting problems through the context. */
public interface ActivityParser {
    /** The fence names this parser reads, e.g. {@code vignette}. */
    Set<String> kinds();

    /** Parses one block; returns null when it has problems serious enough that it cannot be used. */
    Activity parse(String kind, YamlTree yaml, BlockContext context);
}
