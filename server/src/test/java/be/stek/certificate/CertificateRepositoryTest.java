package be.stek.certificate;

import be.stek.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.learner.LearnerRepository;
import be.stek.store.Database;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing certificates on a real SQLite file: once per learner and course, random codes, gone with the account. */
class CertificateRepositoryTest {

    static long learner(Database db, String email) {
        return new LearnerRepository(db).create(email, "An", "hash", Role.LEARNER, Instant.now());
    }

    static Certificate draft(long learnerId, String course) {
        return new Certificate(null, learnerId, course, "Proefcursus", "1.0", "An", "2026-03-06T10:00:00.000Z", 20,
                "2026-03-07T09:00:00.000Z");
    }

    @Test
    void a_certificate_is_issued_once_per_learner_and_course_even_when_asked_twice_at_once(@TempDir Path dir)
            throws Exception {
        try (Database db = TestDatabases.open(dir)) {
            CertificateRepository certificates = new CertificateRepository(db);
            long an = learner(db, "an@example.be");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Certificate>> issued = pool.invokeAll(java.util.Collections.nCopies(8,
                    () -> certificates.issue(draft(an, "proef"))));
            pool.shutdown();
            String code = issued.get(0).get().code();
            for (Future<Certificate> f : issued) {
                assertEquals(code, f.get().code());
            }
            assertEquals(1, certificates.all(an).size());
            assertEquals(Optional.of(code), certificates.find(an, "proef").map(Certificate::code));
            assertEquals(Optional.of(an), certificates.byCode(code).map(Certificate::learnerId));
        }
    }

    @Test
    void codes_are_random_typable_and_differ_per_certificate(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            CertificateRepository certificates = new CertificateRepository(db);
            long an = learner(db, "an@example.be");
            long bo = learner(db, "bo@example.be");
            String a = certificates.issue(draft(an, "proef")).code();
            String b = certificates.issue(draft(bo, "proef")).code();
            String c = certificates.issue(draft(an, "andere")).code();
            for (String code : List.of(a, b, c)) {
                assertTrue(code.matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}"), code);
            }
            assertNotEquals(a, b);
            assertNotEquals(a, c);
            assertEquals(Optional.empty(), certificates.byCode("ABCDEFGHJKMN"));
        }
    }

    @Test
    void deleting_the_account_deletes_its_certificates(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            CertificateRepository certificates = new CertificateRepository(db);
            long an = learner(db, "an@example.be");
            String code = certificates.issue(draft(an, "proef")).code();
            new LearnerRepository(db).delete(an);
            assertEquals(Optional.empty(), certificates.byCode(code));
        }
    }
}
