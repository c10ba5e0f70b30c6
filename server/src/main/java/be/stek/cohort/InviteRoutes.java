package be.stek.cohort;

import be.stek.mail.Letter;
import be.stek.mail.Mailer;
import be.stek.web.Access;
import be.stek.web.Ctx;
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
        return page(cohort, ctx.now(), "", "new", null, null, 200);
    }

    private Result submitInvite(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        String raw = ctx.formOpt("addresses").orElse("");
        String code = ctx.formOpt("code").orElse("new");
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        split(raw, valid, invalid);
        String problem = valid.size() + invalid.size() > MAX_ADDRESSES ? ctx.messages().get("invite.tooMany", MAX_ADDRESSES)
                : valid.isEmpty() && invalid.isEmpty() ? ctx.messages().get("invite.none")
                : invalid.isEmpty() ? null : ctx.messages().get("invite.invalid", String.join(", ", invalid));
        if (valid.isEmpty() || valid.size() + invalid.size() > MAX_ADDRESSES) {
            return page(cohort, ctx.now(), raw, code, problem, null, 400);
        }
        String chosen = code(cohort, code, ctx.now());
        for (String to : valid) {
            mailer.send(new Letter(to, ctx.language(), "invitation", Map.of("cohort", cohort.name(),
                    "inviter", ctx.user().name(), "code", chosen, "link", baseUrl + "/signup?code=" + chosen)));
        }
        return page(cohort, ctx.now(), String.join("\n", invalid), chosen, problem, valid.size(), 200);
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

    private Result page(Cohort cohort, Instant now, String addresses, String code, String error, Integer sent,
                        int status) {
        Map<String, Object> model = Result.model("cohort", cohort, "codes", usable(cohort, now), "addresses", addresses,
                "code", code, "max", MAX_ADDRESSES);
        if (error != null) {
            model.put("error", error);
        }
        if (sent != null) {
            model.put("sent", sent);
        }
        return new Result.Page("cohort/invite", model, status);
    }
}
