package be.stek.learner;

import be.stek.mail.Letter;
import be.stek.mail.Mailer;
import be.stek.store.Database;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.Tokens;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Wachtwoord vergeten?": a form with an e-mail address sends a link that sets a new password once. The answer is
 * the same whether or not the address has an account, and the form is throttled like sign-in (its own counts, so
 * that asking for links never locks anyone out of signing in).
 */
public final class ResetRoutes {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final PasswordResets resets;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Mailer mailer;
    private final String baseUrl;

    public ResetRoutes(Database db, Sessions sessions, LoginThrottle throttle, Mailer mailer, String baseUrl) {
        this.resets = new PasswordResets(db);
        this.sessions = sessions;
        this.throttle = throttle;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    public void register(Router r) {
        r.get("/password/forgot", Access.PUBLIC, this::showForgot);
        r.post("/password/forgot", Access.PUBLIC, this::submitForgot);
        r.get("/password/reset/{token}", Access.PUBLIC, this::showReset);
        r.post("/password/reset/{token}", Access.PUBLIC, this::submitReset);
    }

    private Result showForgot(Ctx ctx) {
        return Form.blank(ctx).page("account/forgot");
    }

    private Result submitForgot(Ctx ctx) {
        Form form = Form.submitted(ctx, "email");
        String email = form.value("email").strip();
        if (!form.check(EMAIL.matcher(email).matches() && email.length() <= 254, "email", "signup.email.invalid")) {
            return form.page("account/forgot");
        }
        // Keys of their own in the sign-in throttle: every request counts, per address asked for and per client.
        long wait = throttle.waitSeconds("reset:" + email, "reset:" + ctx.clientAddress());
        if (wait > 0) {
            return form.error("email", "reset.throttled", (wait + 59) / 60).page("account/forgot").withStatus(429);
        }
        throttle.failed("reset:" + email, "reset:" + ctx.clientAddress());
        // Without an account the mail is rendered and dropped: both answers cost the same work, so take as long.
        resets.request(email, ctx.now()).ifPresentOrElse(issued -> mailer.send(letter(issued.learner().email(),
                        issued.learner().language() != null ? issued.learner().language() : ctx.language(),
                        issued.learner().name(), issued.token())),
                () -> mailer.rehearse(letter(email, ctx.language(), email, Tokens.random())));
        return Result.page("account/forgot-sent", "email", email);
    }

    private Letter letter(String to, String language, String name, String token) {
        return new Letter(to, language, "reset", Map.of("name", name, "link", baseUrl + "/password/reset/" + token,
                "minutes", PasswordResets.LIFETIME.toMinutes()));
    }

    private Result showReset(Ctx ctx) {
        PasswordResets.State state = resets.state(ctx.param("token"), ctx.now());
        if (state != PasswordResets.State.VALID) {
            return refused(state);
        }
        return Form.blank(ctx).page("account/reset", "token", ctx.param("token"), "minLength", Passwords.MIN_LENGTH);
    }

    private Result submitReset(Ctx ctx) {
        String token = ctx.param("token");
        PasswordResets.State state = resets.state(token, ctx.now());
        if (state != PasswordResets.State.VALID) {
            return refused(state);
        }
        String password = ctx.formOpt("password").orElse("");
        Form form = Form.blank(ctx);
        AccountForm.checkNewPassword(form, password, ctx.formOpt("password2").orElse(""));
        if (form.invalid()) {
            return form.page("account/reset", "token", token, "minLength", Passwords.MIN_LENGTH);
        }
        return resets.use(token, Passwords.hash(password), ctx.now())
                .map(id -> {
                    sessions.endAll(id);
                    return (Result) Result.redirect("/login", "flash.passwordReset");
                })
                .orElseGet(() -> refused(resets.state(token, ctx.now())));
    }

    /** 410 with what happened to the link and how to get a new one. */
    private static Result refused(PasswordResets.State state) {
        return new Result.Page("account/reset-refused", Result.model("reason", "reset.refused."
                + state.name().toLowerCase(java.util.Locale.ROOT)), 410);
    }
}
