package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;

/**
 * Deletes an account and, through the foreign keys, everything stored about the person, unless it is the last
 * admin's: the check and the delete are one statement on the single writer, so two admins deleting themselves at
 * the same moment cannot leave Stek without one.
 */
final class AccountDeletion {
    private final Database db;

    AccountDeletion(Database db) {
        this.db = db;
    }

    /** True when the account was deleted; false when it is the last admin's (or was already gone). */
    boolean delete(long learnerId) {
        return db.write(c -> Sql.update(c, """
                DELETE FROM learner WHERE id = ?
                  AND (role <> 'admin' OR (SELECT count(*) FROM learner WHERE role = 'admin') > 1)""",
                learnerId)) == 1;
    }
}
