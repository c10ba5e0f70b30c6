package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.App;
import be.stek.Config;
import be.stek.store.Database;
import be.stek.store.Sql;
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
        String list = targets.stream().map(t -> "'" + t + "'").reduce((a, b) -> a + "," + b).orElse("''");
        return db.read(c -> new TreeSet<>(Sql.list(c, """
                SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table' AND f."table" IN (%s) AND (? = 0 OR f.on_delete = 'CASCADE')""".formatted(list),
                rs -> rs.getString(1), cascadeOnly ? 1 : 0)));
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
        try (Database db = Database.open(dir.resolve("stek.db"))) {
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
        try (Database db = Database.open(dir.resolve("stek.db"))) {
            List<PersonalData> sections = App.personalData(db, Config.defaults());
            assertEquals(sections.size(), sections.stream().map(PersonalData::section).distinct().count());
        }
    }
}
