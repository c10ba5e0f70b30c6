package be.stek.course;

import java.util.Set;

/** The shared glossary page: its title, rendered HTML and the anchors lessons may link to. */
public record Glossary(String title, String html, Set<String> anchors) {
    static final Glossary EMPTY = new Glossary("Woordenlijst", "", Set.of());
}
