package be.stek.learner;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Role;
import be.stek.web.Router;
import be.stek.web.Tokens;

/** The admin's view of accounts: list, change role, reset a password. */
public final class AdminRoutes {
    private final LearnerRepository learners;
    private final Sessions sessions;

    public AdminRoutes(LearnerRepository learners, Sessions sessions) {
        this.learners = learners;
        this.sessions = sessions;
    }

    public void register(Router r) {
        r.get("/admin/users", Access.ADMIN, this::showUsers);
        r.post("/admin/users/{id}/password", Access.ADMIN, this::submitReset);
        r.post("/admin/users/{id}/role", Access.ADMIN, this::submitRole);
    }

    private Result showUsers(Ctx ctx) {
        return usersPage(Form.blank(ctx));
    }

    private Result usersPage(Form form) {
        return form.page("admin/users", "users", learners.all());
    }

    /** Sets a random temporary password, shows it once to the admin and signs the person out everywhere. */
    private Result submitReset(Ctx ctx) {
        Learner learner = learner(ctx);
        String temporary = Tokens.code(12);
        learners.setPassword(learner.id(), Passwords.hash(temporary));
        sessions.endAll(learner.id());
        return Result.page("admin/reset", "learner", learner, "temporary", temporary);
    }

    private Result submitRole(Ctx ctx) {
        Learner learner = learner(ctx);
        Role role = Role.parse(ctx.form("role"));
        if (learner.id() == ctx.user().id() && role != Role.ADMIN) {
            // Each row has its own role field, so the error goes to this person's: "role-<id>".
            return usersPage(Form.blank(ctx).error("role-" + learner.id(), "admin.role.notSelf"));
        }
        learners.setRole(learner.id(), role);
        sessions.refresh(learner.id());
        return Result.redirect("/admin/users", "flash.roleChanged");
    }

    private Learner learner(Ctx ctx) {
        return learners.byId(ctx.idParam("id")).orElseThrow(() -> HttpError.notFound("error.unknownUser"));
    }
}
