package be.stek.quiz;

import be.stek.store.Sql;
import be.stek.web.HttpError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a posted answer does to its attempt, decided from the attempt and its answers as they are inside the write
 * transaction, never from an earlier read: the position, whether the attempt is finished, the final score. A
 * question or step that already has an answer, or an attempt that is already finished, stores nothing: a resent
 * form is acknowledged without being stored twice.
 */
final class Answering {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Answering() {
    }

    /** An answer to a vignette question; the answer that completes the attempt's plan finishes it. */
    static AttemptRepository.Decision question(Question q, Set<String> chosen, Instant now) {
        double score = QuizGrader.score(q, chosen);
        return (attempt, answers) -> {
            if (attempt.finished() || answered(answers, q.id())) {
                return null;
            }
            Set<String> done = answers.stream().map(Answer::question).collect(Collectors.toCollection(HashSet::new));
            done.add(q.id());
            boolean last = done.containsAll(attempt.plan().questions());
            Answer answer = new Answer(attempt.id(), answers.size() + 1, q.id(), q.prompt(), q.type().key(), q.version(),
                    optionsJson(attempt.plan().options(q)), List.copyOf(chosen), text(q, chosen), score, Sql.iso(now),
                    elapsed(attempt, answers, now));
            return new AttemptRepository.Recording(answer,
                    new AttemptRepository.Outcome(null, null, last ? mean(answers, score) : null));
        };
    }

    /** A choice at the current step of a branching vignette; a choice that leads to an ending finishes it. */
    static AttemptRepository.Decision step(Branching b, Branching.Step step, Branching.Choice choice, Instant now) {
        return (attempt, answers) -> {
            if (attempt.finished() || answered(answers, step.id())) {
                return null;
            }
            if (!step.id().equals(attempt.currentStep())) {
                throw HttpError.badRequest("error.notCurrentStep");
            }
            boolean ends = b.endings().containsKey(choice.next());
            Answer answer = new Answer(attempt.id(), answers.size() + 1, step.id(), step.text(), "branching",
                    b.version(), choicesJson(step), List.of(choice.id()), choice.text(), choice.weight(), Sql.iso(now),
                    elapsed(attempt, answers, now));
            return new AttemptRepository.Recording(answer, new AttemptRepository.Outcome(ends ? null : choice.next(),
                    ends ? choice.next() : null, ends ? mean(answers, choice.weight()) : null));
        };
    }

    private static boolean answered(List<Answer> answers, String question) {
        return answers.stream().anyMatch(a -> a.question().equals(question));
    }

    private static double mean(List<Answer> answers, double last) {
        List<Double> scores = new ArrayList<>(answers.stream().map(Answer::score).toList());
        scores.add(last);
        return QuizGrader.mean(scores);
    }

    private static long elapsed(Attempt a, List<Answer> answers, Instant now) {
        String since = answers.isEmpty() ? a.startedAt() : answers.get(answers.size() - 1).answeredAt();
        return Math.max(0, Duration.between(Instant.parse(since), now).toMillis());
    }

    private static String text(Question q, Set<String> chosen) {
        return q.options().stream().filter(o -> chosen.contains(o.id())).map(Option::text)
                .collect(Collectors.joining(" | "));
    }

    private static String optionsJson(List<Option> shown) {
        return toJson(shown.stream().map(o -> Map.of("id", o.id(), "text", o.text(), "weight", o.weight())).toList());
    }

    private static String choicesJson(Branching.Step step) {
        return toJson(step.choices().stream().map(c -> Map.of("id", c.id(), "text", c.text(), "weight", c.weight()))
                .toList());
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
