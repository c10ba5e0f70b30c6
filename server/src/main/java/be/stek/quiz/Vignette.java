package be.stek.quiz;

import be.stek.course.Activity;
import java.util.List;
import java.util.Optional;

/**
 * A case with one or more questions (a {@code quiz} block is the same without a case). {@code draw} questions are
 * drawn per attempt; options are shuffled per attempt unless {@code shuffle} is false.
 */
public record Vignette(String id, String kind, String title, String caseHtml, String imageUrl, String imageAlt,
                       String audioUrl, String transcriptHtml, List<Question> questions, int draw, boolean shuffle,
                       boolean graded, String lesson, String version) implements Activity {

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
