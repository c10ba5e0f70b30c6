package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The real bytes of an import are counted as they are written; declared sizes are never trusted. */
class UnpackBudgetTest {
    private static final int MB = 1024 * 1024;
    private static final ImportLimits LIMITS = new ImportLimits(200L * MB, 10L * MB, 100, 4L * MB, 200);

    private static ZipEntry entry(String name, long declared, long compressed) {
        ZipEntry e = new ZipEntry(name);
        e.setSize(declared);
        e.setCompressedSize(compressed);
        return e;
    }

    @Test
    void an_entry_that_unpacks_to_more_than_it_declares_is_refused_at_the_first_byte_too_many() throws Exception {
        UnpackBudget budget = new UnpackBudget(LIMITS, 100_000);
        ZipEntry liar = entry("sco/padding.bin", 1000, 60_000);
        budget.add(liar, 1000, 1000);
        ImportRefused e = assertThrows(ImportRefused.class, () -> budget.add(liar, 1001, 1));
        assertEquals("scorm.refused.lyingSizes", e.key());
        assertEquals("sco/padding.bin", e.args()[0]);
    }

    @Test
    void the_real_total_may_not_pass_the_unpacked_limit() throws Exception {
        UnpackBudget budget = new UnpackBudget(LIMITS, 10L * MB);
        for (int i = 0; i < 10; i++) {
            budget.add(entry("f" + i, MB, MB), MB, MB);
        }
        assertEquals(10L * MB, budget.total());
        ImportRefused e = assertThrows(ImportRefused.class, () -> budget.add(entry("last", 1, 1), 1, 1));
        assertEquals("scorm.refused.bomb", e.key());
    }

    @Test
    void past_a_megabyte_neither_an_entry_nor_the_package_may_unpack_to_more_than_200_times_its_size()
            throws Exception {
        ZipEntry dense = entry("dense.bin", 2L * MB, 5_000);
        assertEquals("scorm.refused.bomb", assertThrows(ImportRefused.class,
                () -> new UnpackBudget(LIMITS, 100L * MB).add(dense, 1_000_001 + MB / 2, MB)).key());
        UnpackBudget small = new UnpackBudget(LIMITS, 1_000);
        small.add(entry("tiny.txt", 200_000, 1), 200_000, 200_000);
        assertEquals("scorm.refused.bomb", assertThrows(ImportRefused.class,
                () -> small.add(entry("more.txt", MB, MB), MB, MB)).key(), "1.2 MB from a 1 kB zip");
    }
}
