package be.stek.learner;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.util.Map;
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
        return Result.page("account/setup", "values", Map.of("name", "", "email", ""), "minLength",
                Passwords.MIN_LENGTH);
    }

    private Result submitSetup(Ctx ctx) {
        check(ctx);
        Map<String, String> values = Map.of("name", ctx.formOpt("name").orElse(""),
                "email", ctx.formOpt("email").orElse(""));
        String password = ctx.formOpt("password").orElse("");
        String problem = AccountForm.problem(values.get("name"), values.get("email"), password,
                ctx.formOpt("password2").orElse(""));
        if (problem != null) {
            return new Result.Page("account/setup", Result.model("values", values, "minLength", Passwords.MIN_LENGTH,
                    "error", ctx.messages().get(problem, Passwords.MIN_LENGTH)), 400);
        }
        String token = ctx.param("token");
        if (!tokens.use(token)) {
            throw HttpError.notFound("setup.invalid");
        }
        try {
            long id = learners.createFirstAdmin(values.get("email"), values.get("name"), Passwords.hash(password),
                    ctx.now()).orElseThrow(SetupRoutes::gone);
            ctx.setSessionCookie(sessions.start(id));
            return Result.redirect("/admin/users", "flash.adminCreated");
        } catch (LearnerRepository.EmailTaken e) {
            // Only the holder of the one-time link sees this: the operator, who may know which accounts exist.
            tokens.restore(token);
            return new Result.Page("account/setup", Result.model("values", values, "minLength", Passwords.MIN_LENGTH,
                    "error", ctx.messages().get("setup.emailTaken")), 400);
        }
    }

    private static HttpError gone() {
        return new HttpError(410, "setup.done");
    }
}
