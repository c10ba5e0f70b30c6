package be.stek.learner;

import be.stek.web.Role;
import be.stek.web.Visitor;

/** A person with an account (learner, facilitator or admin). */
public record Learner(long id, String email, String name, String passwordHash, Role role, String language,
                      String createdAt) {

    public Visitor visitor() {
        return new Visitor(id, name, email, role, language);
    }
}
