package be.stek.learner;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.store.Database;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First run: while there is no admin, the console shows a one-time link to create one. The link dies as soon as any
 * admin exists, however that admin was made (this link, the command line, another server on the same database):
 * every use of the link checks the database, and the admin is created in one transaction with the check that there
 * is none yet. The link also dies when it is used, and when a server restarts (which prints a new one). It is kept in
 * the database (its hash), so that it works on whichever node of several the request lands.
 */
public final class SetupRoutes {
    private static final Logger log = LoggerFactory.getLogger(SetupRoutes.class);

    private final LearnerRepository learners;
    private final Sessions sessions;
    private final SetupTokens tokens;

    public SetupRoutes(LearnerRepository learners, Sessions sessions, Database db, Clock clock) {
        this.learners = learners;
        this.sessions = sessions;
        this.tokens = new SetupTokens(db, clock);
    }

    /** Prints the one-time link if there is no admin yet; returns the link's path, or null. */
    public String announce(String baseUrl) {
        if (learners.countAdmins() > 0) {
            tokens.clear();
            return null;
        }
        String path = "/setup/" + tokens.issue();
        log.info("No admin yet. Create the first admin account here (one-time link): {}{}", baseUrl, path);
        return path;
    }

    public void register(Router r) {
        r.get("/setup/{token}", Access.PUBLIC, this::showSetup);
        r.post("/setup/{token}", Access.PUBLIC, this::submitSetup);
    }

    private void check(Ctx ctx) {
        if (learners.countAdmins() > 0) {
            throw gone();
        }
        if (!tokens.valid(ctx.param("token"))) {
            throw HttpError.notFound("setup.invalid");
        }
    }

    private Result showSetup(Ctx ctx) {
        check(ctx);
        return setupPage(Form.blank(ctx));
    }

    private Result submitSetup(Ctx ctx) {
        check(ctx);
        Form form = Form.submitted(ctx, "name", "email");
        String password = ctx.formOpt("password").orElse("");
        AccountForm.check(form, password, ctx.formOpt("password2").orElse(""));
        if (form.invalid()) {
            return setupPage(form);
        }
        String token = ctx.param("token");
        if (!tokens.use(token)) {
            throw HttpError.notFound("setup.invalid");
        }
        try {
            long id = learners.createFirstAdmin(form.value("email"), form.value("name"), Passwords.hash(password),
                    ctx.now()).orElseThrow(SetupRoutes::gone);
            ctx.setSessionCookie(sessions.start(id));
            return Result.redirect("/admin/users", "flash.adminCreated");
        } catch (LearnerRepository.EmailTaken e) {
            // Only the holder of the one-time link sees this: the operator, who may know which accounts exist.
            tokens.restore(token);
            return setupPage(form.error("email", "setup.emailTaken"));
        }
    }

    private static Result setupPage(Form form) {
        return form.page("account/setup", "minLength", Passwords.MIN_LENGTH);
    }

    private static HttpError gone() {
        return new HttpError(410, "setup.done");
    }
}
