package be.stek.learner;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
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
        return loginPage(Form.filled(ctx, Map.of("next", Optional.ofNullable(localPath(ctx.query("next"))).orElse(""))));
    }

    private Result submitLogin(Ctx ctx) {
        Form form = Form.submitted(ctx, "email", "next");
        String email = form.value("email");
        String password = ctx.formOpt("password").orElse("");
        String next = localPath(form.value("next"));
        long wait = throttle.waitSeconds(email, ctx.clientAddress());
        if (wait > 0) {
            return loginPage(form.error("email", "login.throttled", (wait + 59) / 60)).withStatus(429);
        }
        Optional<Learner> account = learners.byEmail(email);
        // A hash is checked even when there is no account, so that the time taken does not tell whether there is one.
        if (!Passwords.matches(password, account.map(Learner::passwordHash).orElse(null))) {
            throttle.failed(email, ctx.clientAddress());
            return loginPage(form.error("email", "login.failed"));
        }
        Learner learner = account.get();
        throttle.succeeded(email);
        ctx.setSessionCookie(sessions.start(learner.id()));
        if (learner.language() != null) {
            ctx.setLanguageCookie(learner.language());
        }
        return Result.redirect(next == null ? "/me" : next);
    }

    private static Result.Page loginPage(Form form) {
        return form.page("account/login");
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
        Form form = Form.filled(ctx, Map.of("code", Optional.ofNullable(ctx.query("code")).orElse("")));
        String cohort = invitations.find(form.value("code")).map(Invitations.Invitation::cohortName).orElse(null);
        return form.page(ctx.maybeUser().isPresent() ? "account/join" : "account/signup", "cohort", cohort,
                "minLength", Passwords.MIN_LENGTH);
    }

    /** A signed-in person joins a cohort with its code: their own choice, so the cohort's facilitators follow them. */
    private Result submitJoin(Ctx ctx) {
        Form form = Form.submitted(ctx, "code");
        String code = form.required("code", "signup.code.missing");
        if (!form.invalid()) {
            try {
                invitations.join(code, ctx.user().id(), ctx.now());
                sessions.refresh(ctx.user().id());
                return Result.redirect("/me", "flash.joined");
            } catch (HttpError e) {
                form.error("code", e.messageKey());
            }
        }
        return form.page("account/join");
    }

    private Result submitSignup(Ctx ctx) {
        Form form = Form.submitted(ctx, "code", "name", "email");
        String password = ctx.formOpt("password").orElse("");
        form.required("code", "signup.code.missing");
        AccountForm.check(form, password, ctx.formOpt("password2").orElse(""));
        if (form.invalid()) {
            return signupPage(form);
        }
        // Sign-up is throttled per address like sign-in, and the code is checked before the password is hashed:
        // guessing codes costs the guesser time, not the server memory.
        long wait = throttle.waitSeconds(null, ctx.clientAddress());
        if (wait > 0) {
            return signupPage(form.error("code", "login.throttled", (wait + 59) / 60)).withStatus(429);
        }
        String code = form.value("code");
        if (invitations.find(code).filter(i -> i.usableAt(ctx.now())).isEmpty()) {
            throttle.failed(null, ctx.clientAddress());
            return signupPage(form.error("code", invitations.find(code).isEmpty()
                    ? "signup.code.unknown" : "signup.code.expired"));
        }
        try {
            invitations.signUp(code, form.value("email"), form.value("name"), Passwords.hash(password), ctx.now());
        } catch (HttpError e) {
            return signupPage(form.error("code", e.messageKey()));
        }
        // The same answer whether the address was new or already had an account (then nothing happened): the form
        // must not tell which addresses have an account. Signing in is the next step either way.
        return Result.redirect("/login", "flash.signedUp");
    }

    private static Result.Page signupPage(Form form) {
        return form.page("account/signup", "minLength", Passwords.MIN_LENGTH);
    }

    private Result showAccount(Ctx ctx) {
        return accountPage(ctx, Form.blank(ctx));
    }

    private Result submitPassword(Ctx ctx) {
        Learner me = learners.byId(ctx.user().id()).orElseThrow(() -> HttpError.notFound("error.notFound"));
        Form form = Form.blank(ctx);
        long wait = throttle.waitSeconds(me.email(), ctx.clientAddress());
        if (wait > 0) {
            return accountPage(ctx, form.error("current", "login.throttled", (wait + 59) / 60)).withStatus(429);
        }
        String fresh = ctx.formOpt("password").orElse("");
        if (!Passwords.matches(ctx.formOpt("current").orElse(""), me.passwordHash())) {
            throttle.failed(me.email(), ctx.clientAddress());
            form.error("current", "account.password.wrongCurrent");
        } else {
            throttle.succeeded(me.email());
        }
        AccountForm.checkNewPassword(form, fresh, ctx.formOpt("password2").orElse(""));
        if (form.invalid()) {
            return accountPage(ctx, form);
        }
        learners.setPassword(me.id(), Passwords.hash(fresh));
        sessions.endOthers(me.id(), ctx.sessionToken());
        return Result.redirect("/account", "flash.passwordChanged");
    }

    private Result.Page accountPage(Ctx ctx, Form form) {
        return form.page("account/show", "minLength", Passwords.MIN_LENGTH, "mail", mailChoice.apply(ctx.user().id()));
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
