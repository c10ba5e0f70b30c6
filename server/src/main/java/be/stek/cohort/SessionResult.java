package be.stek.cohort;

import be.stek.quiz.Question;
import be.stek.quiz.QuizGrader;
import be.stek.web.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a team session shows, never who answered what: the number of answers always, and from the session's minimum
 * on the distribution per option (a vignette question) or the texts in an order unrelated to who wrote them (a
 * reflection). Below the minimum the counts per option are all zero and there are no texts, so nothing built from a
 * result can leak them. The same result feeds the facilitator's page, the projector, the JSON they poll and what
 * members see after the close.
 */
public record SessionResult(int count, int minimum, boolean enough, boolean open, List<Bar> bars, List<String> texts,
                     String updated) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Europe/Brussels"));

    /** An option with how many members chose it; {@code label} says how right it is (for the notes only). */
    public record Bar(String html, String text, String label, int count, int percent) {
    }

    static SessionResult of(TeamSessionRepository.Session session, TeamItem item,
                            List<TeamSessionRepository.TeamAnswer> answers, Messages messages, Instant now) {
        boolean enough = answers.size() >= session.minAnswers();
        List<Bar> bars = item.reflection() ? List.of() : bars(item.question(), enough ? answers : List.of(), messages);
        List<String> texts = enough && item.reflection()
                ? answers.stream().map(TeamSessionRepository.TeamAnswer::body).toList() : List.of();
        return new SessionResult(answers.size(), session.minAnswers(), enough, session.open(), bars, texts,
                TIME.format(now));
    }

    /** Counts choices per option, in the order the author wrote them. */
    private static List<Bar> bars(Question q, List<TeamSessionRepository.TeamAnswer> answers, Messages m) {
        List<Bar> bars = new ArrayList<>();
        for (var o : q.options()) {
            int count = (int) answers.stream().filter(a -> a.choice() != null
                    && List.of(a.choice().split(",")).contains(o.id())).count();
            String label = o.label() != null ? o.label() : m.get(QuizGrader.labelKey(q, o));
            bars.add(new Bar(o.html(), o.text(), label, count,
                    answers.isEmpty() ? 0 : Math.round(100f * count / answers.size())));
        }
        return bars;
    }

    /**
     * The JSON the live pages poll: counts and texts, the sentences to show, and no option labels (whether an option
     * is right is for the notes on the facilitator's page).
     */
    Map<String, Object> json(Messages m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", open);
        out.put("count", count);
        out.put("minimum", minimum);
        out.put("enough", enough);
        out.put("countText", m.get("team.answers", count));
        out.put("waitingText", enough ? "" : m.get("team.waiting", minimum));
        out.put("statusText", open ? "" : m.get("team.closedNow"));
        out.put("updated", updated);
        out.put("updatedText", m.get("team.updatedAt", updated));
        out.put("bars", bars.stream().map(b -> Map.of("count", b.count(), "percent", b.percent())).toList());
        out.put("texts", texts);
        return out;
    }
}
