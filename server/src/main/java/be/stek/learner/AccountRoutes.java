package be.stek.learner;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Messages;
import be.stek.web.RedirectTarget;
import be.stek.web.Result;
import be.stek.web.Router;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/** Sign in, sign out, sign up with an invitation code, change password and language. */
public final class AccountRoutes {
    private final LearnerRepository learners;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Invitations invitations;
    private final LongFunction<Object> mailChoice;

    public AccountRoutes(LearnerRepository learners, Sessions sessions, LoginThrottle throttle, Invitations invitations) {
        this(learners, sessions, throttle, invitations, id -> null);
    }

    /** {@code mailChoice} gives a person's mail preferences for the account page's "E-mail" form. */
    public AccountRoutes(LearnerRepository learners, Sessions sessions, LoginThrottle throttle, Invitations invitations,
                         LongFunction<Object> mailChoice) {
        this.mailChoice = mailChoice;
        this.learners = learners;
        this.sessions = sessions;
        this.throttle = throttle;
        this.invitations = invitations;
    }

    public void register(Router r) {
        r.get("/login", Access.PUBLIC, this::showLogin);
        r.post("/login", Access.PUBLIC, this::submitLogin);
        r.post("/logout", Access.PUBLIC, this::submitLogout);
        r.get("/signup", Access.PUBLIC, this::showSignup);
        r.post("/signup", Access.PUBLIC, this::submitSignup);
        r.post("/join", Access.SIGNED_IN, this::submitJoin);
        r.get("/account", Access.SIGNED_IN, this::showAccount);
        r.post("/account/password", Access.SIGNED_IN, this::submitPassword);
        r.post("/language", Access.PUBLIC, this::submitLanguage);
    }

    private Result showLogin(Ctx ctx) {
        if (ctx.maybeUser().isPresent()) {
            return Result.redirect("/me");
        }
        return Result.page("account/login", "next", localPath(ctx.query("next")), "email", "");
    }

    private Result submitLogin(Ctx ctx) {
        String email = ctx.formOpt("email").orElse("");
        String password = ctx.formOpt("password").orElse("");
        String next = localPath(ctx.formOpt("next").orElse(null));
        long wait = throttle.waitSeconds(email, ctx.clientAddress());
        if (wait > 0) {
            return loginError(ctx, email, next, 429, ctx.messages().get("login.throttled", (wait + 59) / 60));
        }
        Optional<Learner> account = learners.byEmail(email);
        // A hash is checked even when there is no account, so that the time taken does not tell whether there is one.
        if (!Passwords.matches(password, account.map(Learner::passwordHash).orElse(null))) {
            throttle.failed(email, ctx.clientAddress());
            return loginError(ctx, email, next, 400, ctx.messages().get("login.failed"));
        }
        Learner learner = account.get();
        throttle.succeeded(email);
        ctx.setSessionCookie(sessions.start(learner.id()));
        if (learner.language() != null) {
            ctx.setLanguageCookie(learner.language());
        }
        return Result.redirect(next == null ? "/me" : next);
    }

    private static Result loginError(Ctx ctx, String email, String next, int status, String message) {
        return new Result.Page("account/login", Result.model("next", next, "email", email, "error", message), status);
    }

    private Result submitLogout(Ctx ctx) {
        String token = ctx.sessionToken();
        if (token != null && !token.isEmpty()) {
            sessions.end(token);
        }
        ctx.clearSessionCookie();
        return Result.redirect("/", "flash.signedOut");
    }

    /** The sign-up form; someone already signed in gets the form that joins the code's cohort instead. */
    private Result showSignup(Ctx ctx) {
        String code = Optional.ofNullable(ctx.query("code")).orElse("");
        String cohort = invitations.find(code).map(Invitations.Invitation::cohortName).orElse(null);
        if (ctx.maybeUser().isPresent()) {
            return Result.page("account/join", "code", code, "cohort", cohort);
        }
        return Result.page("account/signup", "values", Map.of("code", code, "name", "", "email", ""), "cohort", cohort);
    }

    /** A signed-in person joins a cohort with its code: their own choice, so the cohort's facilitators follow them. */
    private Result submitJoin(Ctx ctx) {
        String code = ctx.formOpt("code").orElse("");
        try {
            invitations.join(code, ctx.user().id(), ctx.now());
            sessions.refresh(ctx.user().id());
            return Result.redirect("/me", "flash.joined");
        } catch (HttpError e) {
            return new Result.Page("account/join", Result.model("code", code, "error",
                    ctx.messages().get(code.isEmpty() ? "signup.code.missing" : e.messageKey())), 400);
        }
    }

    private Result submitSignup(Ctx ctx) {
        Map<String, String> values = Map.of("code", ctx.formOpt("code").orElse(""),
                "name", ctx.formOpt("name").orElse(""), "email", ctx.formOpt("email").orElse(""));
        String password = ctx.formOpt("password").orElse("");
        String problem = signupProblem(values, password, ctx.formOpt("password2").orElse(""));
        if (problem != null) {
            return signupError(ctx, values, problem);
        }
        // Sign-up is throttled per address like sign-in, and the code is checked before the password is hashed:
        // guessing codes costs the guesser time, not the server memory.
        long wait = throttle.waitSeconds(null, ctx.clientAddress());
        if (wait > 0) {
            return new Result.Page("account/signup", Result.model("values", values, "error",
                    ctx.messages().get("login.throttled", (wait + 59) / 60)), 429);
        }
        if (invitations.find(values.get("code")).filter(i -> i.usableAt(ctx.now())).isEmpty()) {
            throttle.failed(null, ctx.clientAddress());
            return signupError(ctx, values, invitations.find(values.get("code")).isEmpty()
                    ? "signup.code.unknown" : "signup.code.expired");
        }
        try {
            invitations.signUp(values.get("code"), values.get("email"), values.get("name"), Passwords.hash(password),
                    ctx.now());
        } catch (HttpError e) {
            return signupError(ctx, values, e.messageKey());
        }
        // The same answer whether the address was new or already had an account (then nothing happened): the form
        // must not tell which addresses have an account. Signing in is the next step either way.
        return Result.redirect("/login", "flash.signedUp");
    }

    private static String signupProblem(Map<String, String> values, String password, String password2) {
        return values.get("code").isEmpty() ? "signup.code.missing"
                : AccountForm.problem(values.get("name"), values.get("email"), password, password2);
    }

    private static Result signupError(Ctx ctx, Map<String, String> values, String key) {
        return new Result.Page("account/signup", Result.model("values", values, "error",
                ctx.messages().get(key, Passwords.MIN_LENGTH)), 400);
    }

    private Result showAccount(Ctx ctx) {
        return Result.page("account/show", "minLength", Passwords.MIN_LENGTH, "mail", mailChoice.apply(ctx.user().id()));
    }

    private Result submitPassword(Ctx ctx) {
        Learner me = learners.byId(ctx.user().id()).orElseThrow(() -> HttpError.notFound("error.notFound"));
        long wait = throttle.waitSeconds(me.email(), ctx.clientAddress());
        if (wait > 0) {
            return passwordError(ctx, 429, ctx.messages().get("login.throttled", (wait + 59) / 60));
        }
        String current = ctx.formOpt("current").orElse("");
        String fresh = ctx.formOpt("password").orElse("");
        if (!Passwords.matches(current, me.passwordHash())) {
            throttle.failed(me.email(), ctx.clientAddress());
            return passwordError(ctx, 400, ctx.messages().get("account.password.wrongCurrent"));
        }
        throttle.succeeded(me.email());
        String problem = !fresh.equals(ctx.formOpt("password2").orElse("")) ? "account.password.mismatch"
                : Passwords.problem(fresh);
        if (problem != null) {
            return passwordError(ctx, 400, ctx.messages().get(problem, Passwords.MIN_LENGTH));
        }
        learners.setPassword(me.id(), Passwords.hash(fresh));
        sessions.endOthers(me.id(), ctx.sessionToken());
        return Result.redirect("/account", "flash.passwordChanged");
    }

    private Result passwordError(Ctx ctx, int status, String message) {
        return new Result.Page("account/show", Result.model("minLength", Passwords.MIN_LENGTH, "error", message,
                "mail", mailChoice.apply(ctx.user().id())), status);
    }

    private Result submitLanguage(Ctx ctx) {
        String language = ctx.form("language");
        if (!Messages.isSupported(language)) {
            throw HttpError.badRequest("error.language", language);
        }
        ctx.setLanguageCookie(language);
        ctx.maybeUser().ifPresent(u -> {
            learners.setLanguage(u.id(), language);
            sessions.refresh(u.id());
        });
        String back = localPath(ctx.formOpt("back").orElse(null));
        return Result.redirect(back == null ? "/" : back);
    }

    /** A path on this site, or null: never redirect to another site. */
    static String localPath(String path) {
        return RedirectTarget.sameSite(path).orElse(null);
    }
}
