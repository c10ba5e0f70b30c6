package be.stek.scorm;

import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import java.util.Locale;
import java.util.Map;

/**
 * The commit endpoint's work once the launch is known: read the body (JSON from Commit, text/plain from a beacon),
 * refuse what Stek will not store with an answer the run-time reports to the SCO, and apply the rest in one
 * transaction.
 */
final class Commits {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Commits.class);
    /** The longest suspend_data Stek keeps, in both versions; longer is refused, never cut. */
    static final int MAX_SUSPEND_DATA = 64_000;

    private Commits() {
    }

    static Result submit(Ctx ctx, CmiStore cmi, CmiStore.SessionKey s) throws java.io.IOException {
        return submit(ctx, cmi, s, body(ctx));
    }

    /** The commit body, once its type is one the endpoint takes (415 otherwise). */
    static String body(Ctx ctx) throws java.io.IOException {
        String type = ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") && !type.startsWith("text/plain")) {
            throw new HttpError(415, "scorm.error.commitType");
        }
        return ctx.body();
    }

    /**
     * The {@code adl.data} buckets a commit carries ({@code "adlData": {targetID: store}}, added by the run-time
     * page from what the SCO may write); empty when it has none or the body is not JSON.
     */
    static Map<String, String> sharedData(String body) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            CommitParser.JSON.readTree(body).path("adlData").fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
        return out;
    }

    static Result submit(Ctx ctx, CmiStore cmi, CmiStore.SessionKey s, String body) {
        CommitParser.Commit commit;
        try {
            commit = CommitParser.parse(body, s.version());
        } catch (CommitParser.BadCommit e) {
            return refusal(ctx, s, "scorm.error.badCommit", 400);
        }
        String sd = commit.state().suspendData();
        if (sd != null && sd.length() > MAX_SUSPEND_DATA) {
            return refusal(ctx, s, "scorm.error.suspendDataTooLong", 413, MAX_SUSPEND_DATA);
        }
        if (commit.undelivered()) {
            log.warn("SCORM session {}: the closing page could not send all of its data", s.id());
        }
        CmiStore.Outcome outcome;
        try {
            outcome = cmi.commit(s, commit, "true".equals(ctx.query("final")), ctx.now());
        } catch (StorageFull e) {
            log.info("SCORM session {}: commit refused ({})", s.id(), e.key());
            return refusal(ctx, s, e.key(), 413, e.args());
        }
        return Result.json(Map.of("result", true, "errorCode", 0, "outcome", outcome.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * A commit Stek does not store: the SCO's Commit returns false with a general commit failure, and the player
     * shows {@code error} (the message of {@code key}) to the learner.
     */
    private static Result refusal(Ctx ctx, CmiStore.SessionKey s, String key, int status, Object... args) {
        int code = s.version() == ScormVersion.SCORM_12 ? 101 : 391;
        return new Result.Json(Map.of("result", false, "errorCode", code, "error", ctx.messages().get(key, args)),
                status);
    }
}
