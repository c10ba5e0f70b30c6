package be.stek.web;

import java.util.Locale;

/** What a signed-in person may do. Each role includes the ones before it. */
public enum Role {
    LEARNER, FACILITATOR, ADMIN;

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or typed role name; unknown names are rejected. */
    public static Role parse(String value) {
        for (Role r : values()) {
            if (r.key().equals(value)) {
                return r;
            }
        }
        throw HttpError.badRequest("error.role", value);
    }
}
