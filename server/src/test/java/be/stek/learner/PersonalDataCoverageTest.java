package be.stek.learner;

import be.stek.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.App;
import be.stek.Config;
import be.stek.store.Database;
import be.stek.testing.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data export is complete by construction: every table that refers to a person, directly or through a table
 * that does, is exported by some section. A feature that adds such a table without a section fails here.
 */
class PersonalDataCoverageTest {

    /** Tables with a foreign key to one of {@code targets}; with {@code cascadeOnly}, only ON DELETE CASCADE keys. */
    static Set<String> referencing(Database db, Set<String> targets, boolean cascadeOnly) {
        return Schema.foreignKeys(db).stream().filter(k -> targets.contains(k.target()) && (!cascadeOnly || k.cascade()))
                .map(Schema.ForeignKey::table).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every table holding rows about a person: those that refer to a learner (even when only to say who created
     * something), and the tables whose rows are deleted along with those, such as the answers of an attempt.
     */
    static Set<String> aboutPeople(Database db) {
        Set<String> found = new TreeSet<>(referencing(db, Set.of("learner"), false));
        Set<String> frontier = referencing(db, Set.of("learner"), true);
        while (!frontier.isEmpty()) {
            Set<String> next = referencing(db, frontier, true);
            next.removeAll(found);
            found.addAll(next);
            frontier = next;
        }
        return found;
    }

    @Test
    void every_table_about_a_person_is_in_the_export(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            List<PersonalData> sections = App.personalData(db, Config.defaults());
            Set<String> covered = new TreeSet<>();
            sections.forEach(s -> covered.addAll(s.tables()));
            Set<String> missing = new TreeSet<>(aboutPeople(db));
            missing.removeAll(covered);
            assertTrue(missing.isEmpty(), "tables about people that no PersonalData section exports: " + missing);
            assertTrue(covered.containsAll(Set.of("learner", "quiz_attempt", "answer", "reflection", "certificate")));
        }
    }

    @Test
    void every_section_has_its_own_name(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            List<PersonalData> sections = App.personalData(db, Config.defaults());
            assertEquals(sections.size(), sections.stream().map(PersonalData::section).distinct().count());
        }
    }
}
