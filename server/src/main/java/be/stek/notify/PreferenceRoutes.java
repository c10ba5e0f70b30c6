package be.stek.notify;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Result;
import be.stek.web.Router;

/** The "E-mail" form on the account page: reminders and team-session news on or off. */
public final class PreferenceRoutes {
    private final MailPreferences preferences;

    public PreferenceRoutes(MailPreferences preferences) {
        this.preferences = preferences;
    }

    public void register(Router r) {
        r.post("/account/mail", Access.SIGNED_IN, this::submitPreferences);
    }

    /** Checkboxes: a box that is not ticked is not sent, so an absent field means "off". */
    private Result submitPreferences(Ctx ctx) {
        preferences.set(ctx.user().id(), new MailPreferences.Choice(ctx.formOpt("reminders").isPresent(),
                ctx.formOpt("sessionNews").isPresent()), ctx.now());
        return Result.redirect("/account#mail", "flash.mailSaved");
    }
}
