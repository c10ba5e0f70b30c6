package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Role;
import be.stek.web.Router;
import be.stek.web.Visitor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Mijn gegevens": what Stek keeps about the signed-in person, a download of all of it, and deleting the account.
 * No route takes a person's id: each only ever acts on the visitor.
 */
public final class DataRoutes {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final LearnerRepository learners;
    private final Sessions sessions;
    private final AccountDeletion deletion;
    private final List<PersonalData> sections;
    private final LoginThrottle throttle;

    /** {@code throttle} is sign-in's: guessing the password to delete an account counts as guessing it to sign in. */
    public DataRoutes(Database db, LearnerRepository learners, Sessions sessions, List<PersonalData> sections,
                      LoginThrottle throttle) {
        this.learners = learners;
        this.sessions = sessions;
        this.throttle = throttle;
        this.deletion = new AccountDeletion(db);
        this.sections = List.copyOf(sections);
    }

    public void register(Router r) {
        r.get("/me/data", Access.SIGNED_IN, this::showData);
        r.get("/me/data/export", Access.SIGNED_IN, this::downloadExport);
        r.post("/me/data/delete", Access.SIGNED_IN, this::submitDelete);
    }

    private Result showData(Ctx ctx) {
        return dataPage(ctx, Form.blank(ctx));
    }

    private Result.Page dataPage(Ctx ctx, Form form) {
        Visitor me = ctx.user();
        boolean lastAdmin = me.role() == Role.ADMIN && learners.countAdmins() <= 1;
        return form.page("learner/data", "lastAdmin", lastAdmin);
    }

    private Result downloadExport(Ctx ctx) throws JsonProcessingException {
        long me = ctx.user().id();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("about", ctx.messages().get("privacy.export.about"));
        export.put("exported_at", Sql.iso(ctx.now()));
        sections.forEach(s -> export.put(s.section(), s.export(me)));
        return Result.download(ctx.messages().get("privacy.export.filename", Sql.iso(ctx.now()).substring(0, 10)),
                "application/json;charset=utf-8", JSON.writeValueAsBytes(export));
    }

    /** Deletes the account after the password is typed again; nothing is deleted when anything is wrong. */
    private Result submitDelete(Ctx ctx) {
        Form form = Form.blank(ctx);
        String password = ctx.formOpt("password").orElse("");
        if (password.isEmpty()) {
            return dataPage(ctx, form.error("password", "privacy.delete.passwordMissing"));
        }
        Learner me = learners.byId(ctx.user().id()).orElseThrow(() -> HttpError.notFound("error.unknownUser"));
        long wait = throttle.waitSeconds(me.email(), ctx.clientAddress());
        if (wait > 0) {
            return dataPage(ctx, form.error("password", "login.throttled", (wait + 59) / 60)).withStatus(429);
        }
        if (!Passwords.matches(password, me.passwordHash())) {
            throttle.failed(me.email(), ctx.clientAddress());
            return dataPage(ctx, form.error("password", "privacy.delete.wrongPassword"));
        }
        throttle.succeeded(me.email());
        if (!deletion.delete(me.id())) {
            // The last admin: the page explains why the account cannot go (and has no form to try again).
            return dataPage(ctx, form).withStatus(400);
        }
        sessions.endAll(me.id());
        ctx.clearSessionCookie();
        return Result.redirect("/", "privacy.flash.deleted");
    }
}
