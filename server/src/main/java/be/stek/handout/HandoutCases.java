package be.stek.handout;

import be.stek.course.Activity;
import be.stek.course.Course;
import be.stek.quiz.Branching;
import be.stek.quiz.Option;
import be.stek.quiz.Question;
import be.stek.quiz.Vignette;
import be.stek.web.Messages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The module's cases for a session, to print and hand out: each case text, its questions and their options, and
 * each branching case's steps with their choices. Never a key: no weight, no "correct" mark, no label, no feedback,
 * no explanation and no ending. Options are printed in a fixed shuffled order (unless the author fixed the order),
 * so that their position tells nothing either.
 */
final class HandoutCases {
    private HandoutCases() {
    }

    static List<Block> of(Course course, Messages m) {
        List<Block> out = new ArrayList<>();
        out.add(Block.heading(1, m.get("handout.cases")));
        out.add(Block.note(m.get("handout.casesNote")));
        for (Activity a : course.activities().values()) {
            if (a instanceof Vignette v) {
                vignette(course, v, m, out);
            } else if (a instanceof Branching b) {
                branching(course, b, m, out);
            }
        }
        return out;
    }

    private static String where(Course course, Activity a, Messages m) {
        return course.page(a.lesson()).map(l -> m.get("handout.fromLesson", l.number(), l.title())).orElse("");
    }

    private static void vignette(Course course, Vignette v, Messages m, List<Block> out) {
        out.add(Block.heading(2, v.title()));
        out.add(Block.note(where(course, v, m)));
        if (v.caseHtml() != null) {
            out.addAll(HtmlBlocks.of(v.caseHtml()));
        }
        int n = 0;
        for (Question q : v.questions()) {
            out.add(Block.strong(m.get("handout.question", ++n) + " " + plain(q.promptHtml())));
            out.add(Block.note(m.get(q.multiple() ? "quiz.pickAll" : "quiz.pickOne")));
            List<Option> options = order(v, q);
            for (int i = 0; i < options.size(); i++) {
                out.add(Block.item(1, (char) ('A' + i) + ".", plain(options.get(i).html())));
            }
        }
    }

    /** The options in print order: as written when the author fixed it, else shuffled the same way every time. */
    static List<Option> order(Vignette v, Question q) {
        List<Option> options = new ArrayList<>(q.options());
        if (v.shuffle()) {
            Collections.shuffle(options, new Random((v.id() + "/" + q.id()).hashCode()));
        }
        return options;
    }

    private static void branching(Course course, Branching b, Messages m, List<Block> out) {
        out.add(Block.heading(2, b.title()));
        out.add(Block.note(where(course, b, m)));
        out.addAll(HtmlBlocks.of(b.introHtml()));
        int n = 0;
        for (Branching.Step step : reachable(b)) {
            out.add(Block.strong(m.get("handout.step", ++n)));
            out.addAll(HtmlBlocks.of(step.html()));
            for (int i = 0; i < step.choices().size(); i++) {
                out.add(Block.item(1, (char) ('A' + i) + ".", plain(step.choices().get(i).html())));
            }
        }
    }

    /** The steps in the order a reader meets them from the start, breadth first. */
    private static List<Branching.Step> reachable(Branching b) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(b.start()));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            Branching.Step step = b.steps().get(id);
            if (step != null && seen.add(id)) {
                step.choices().forEach(c -> queue.add(c.next()));
            }
        }
        return seen.stream().map(b.steps()::get).toList();
    }

    private static String plain(String html) {
        return String.join(" ", HtmlBlocks.of(html).stream().map(Block::text).toList());
    }
}
