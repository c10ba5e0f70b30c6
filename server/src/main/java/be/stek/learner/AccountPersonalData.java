package be.stek.learner;

import be.stek.store.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account itself and its sign-in sessions. Left out on purpose: the password hash and the session token
 * hashes, which are secrets of the server rather than information about the person.
 */
public final class AccountPersonalData implements PersonalData {
    private final Database db;

    public AccountPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public List<String> tables() {
        return List.of("learner", "session");
    }

    @Override
    public Object export(long learnerId) {
        return db.read(c -> {
            Map<String, Object> out = new LinkedHashMap<>(RowMaps.list(c, """
                    SELECT id, name, email, role, language, created_at FROM learner WHERE id = ?""", learnerId)
                    .stream().findFirst().orElse(Map.of()));
            out.put("sessions", RowMaps.list(c, """
                    SELECT created_at, expires_at FROM session WHERE learner_id = ? ORDER BY created_at""", learnerId));
            return out;
        });
    }
}
