package be.stek.cohort;

import be.stek.mail.Letter;
import be.stek.mail.Mailer;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Invitations by mail: the facilitator pastes addresses (one a line, or separated by commas or semicolons) and each
 * gets a mail with the cohort's invitation link and code. Addresses that are not e-mail addresses are reported
 * beside the field and kept in it to correct; the valid ones are sent. The mail is in the facilitator's language
 * (the people invited may not have an account, so Stek does not know theirs).
 */
public final class InviteRoutes {
    static final int MAX_ADDRESSES = 200;
    static final Duration NEW_CODE_DAYS = Duration.ofDays(30);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Mailer mailer;
    private final String baseUrl;

    public InviteRoutes(CohortRepository cohorts, Mailer mailer, String baseUrl) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/invite", Access.FACILITATOR, this::showInvite);
        r.post("/cohorts/{cohort}/invite", Access.FACILITATOR, this::submitInvite);
    }

    private Result showInvite(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        return page(cohort, ctx.now(), Form.filled(ctx, Map.of("code", "new")), null);
    }

    private Result submitInvite(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        Form form = Form.submitted(ctx, "addresses", "code");
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        split(form.value("addresses"), valid, invalid);
        if (valid.size() + invalid.size() > MAX_ADDRESSES) {
            form.error("addresses", "invite.tooMany", MAX_ADDRESSES);
        } else if (valid.isEmpty() && invalid.isEmpty()) {
            form.error("addresses", "invite.none");
        } else if (!invalid.isEmpty()) {
            form.error("addresses", "invite.invalid", String.join(", ", invalid));
        }
        if (valid.isEmpty() || valid.size() + invalid.size() > MAX_ADDRESSES) {
            return page(cohort, ctx.now(), form, null);
        }
        String chosen = code(cohort, form.value("code").isEmpty() ? "new" : form.value("code"), ctx.now());
        for (String to : valid) {
            mailer.send(new Letter(to, ctx.language(), "invitation", Map.of("cohort", cohort.name(),
                    "inviter", ctx.user().name(), "code", chosen, "link", baseUrl + "/signup?code=" + chosen)));
        }
        // What was sent is gone from the field; what is not an address stays there to be corrected.
        Form after = Form.filled(ctx, Map.of("addresses", String.join("\n", invalid), "code", chosen));
        if (!invalid.isEmpty()) {
            after.error("addresses", "invite.invalid", String.join(", ", invalid));
        }
        return page(cohort, ctx.now(), after, valid.size()).withStatus(200);
    }

    /** The chosen code of this cohort that can still be used, or a new learner code valid for 30 days. */
    private String code(Cohort cohort, String chosen, Instant now) {
        if (!"new".equals(chosen)) {
            return usable(cohort, now).stream().map(CohortRepository.Code::code).filter(chosen::equals).findFirst()
                    .orElseThrow(() -> HttpError.badRequest("invite.unknownCode"));
        }
        return cohorts.createCode(cohort.id(), "learner", now.plus(NEW_CODE_DAYS), null, now);
    }

    /** Learner codes of the cohort that are not expired or used up. */
    private List<CohortRepository.Code> usable(Cohort cohort, Instant now) {
        return cohorts.codes(cohort.id()).stream().filter(c -> c.role().equals("learner"))
                .filter(c -> c.expiresAt() == null || Instant.parse(c.expiresAt()).isAfter(now))
                .filter(c -> c.maxUses() == null || c.uses() < c.maxUses()).toList();
    }

    /** Splits pasted text into distinct valid addresses (in order, case ignored) and what is not an address. */
    static void split(String raw, List<String> valid, List<String> invalid) {
        Set<String> seen = new LinkedHashSet<>();
        for (String part : SEPARATORS.split(raw.strip())) {
            if (part.isEmpty() || !seen.add(part.toLowerCase(Locale.ROOT))) {
                continue;
            }
            (EMAIL.matcher(part).matches() && part.length() <= 254 ? valid : invalid).add(part);
        }
    }

    private Result.Page page(Cohort cohort, Instant now, Form form, Integer sent) {
        return sent == null
                ? form.page("cohort/invite", "cohort", cohort, "codes", usable(cohort, now), "max", MAX_ADDRESSES)
                : form.page("cohort/invite", "cohort", cohort, "codes", usable(cohort, now), "max", MAX_ADDRESSES,
                        "sent", sent);
    }
}
