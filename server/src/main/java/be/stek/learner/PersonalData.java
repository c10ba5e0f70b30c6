package be.stek.learner;

import be.stek.store.Database;
import java.util.List;

/**
 * One section of a person's data export ("Mijn gegevens downloaden"). Every feature that stores something about a
 * person contributes one; the composition root lists them. Sections return plain maps, lists and values, which are
 * written as JSON.
 */
public interface PersonalData {

    /** The key of this section in the export, such as {@code "reflections"}. */
    String section();

    /** Everything this feature stores about the person, never about anyone else. */
    Object export(long learnerId);

    /**
     * The tables whose rows about a person this section exports. A test checks that the sections together cover
     * every table that refers to a learner, so a new table cannot be left out of the export unnoticed.
     */
    default List<String> tables() {
        return List.of();
    }

    /** A section that is simply every row of one table about the person, in the given order. */
    static PersonalData ofTable(Database db, String section, String table, String orderBy) {
        return new PersonalData() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public List<String> tables() {
                return List.of(table);
            }

            @Override
            public Object export(long learnerId) {
                return db.read(c -> RowMaps.list(c, "SELECT * FROM " + table + " WHERE learner_id = ? ORDER BY " + orderBy,
                        learnerId));
            }
        };
    }
}
