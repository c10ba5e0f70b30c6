package be.stek.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LearnerCacheTest {

    @Test
    void a_read_is_kept_until_the_learner_changes_something() {
        LearnerCache cache = new LearnerCache();
        AtomicInteger loads = new AtomicInteger();
        assertEquals(1, (int) cache.get(7, "proef", loads::incrementAndGet));
        assertEquals(1, (int) cache.get(7, "proef", loads::incrementAndGet));
        cache.changed(7);
        assertEquals(2, (int) cache.get(7, "proef", loads::incrementAndGet));
        assertEquals(3, (int) cache.get(8, "proef", loads::incrementAndGet), "another learner has their own entry");
        assertEquals(4, (int) cache.get(7, "andere-cursus", loads::incrementAndGet), "and so has another scope");
    }

    @Test
    void a_read_that_races_a_write_never_leaves_an_old_value_behind() {
        LearnerCache cache = new LearnerCache();
        String[] database = {"oud"};
        String read = cache.get(7, "proef", () -> {
            String seen = database[0];
            database[0] = "nieuw";
            cache.changed(7);
            return seen;
        });
        assertEquals("oud", read, "the racing reader got what it read");
        assertEquals("nieuw", cache.get(7, "proef", () -> database[0]), "but the next reader does not get it");
    }
}
