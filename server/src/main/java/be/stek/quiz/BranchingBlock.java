package be.stek.quiz;

import be.stek.course.BlockContext;
import be.stek.course.YamlTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks one {@code branching} block: every choice leads somewhere, everything is reachable, no loops. */
final class BranchingBlock {
    private static final Set<String> KEYS = Set.of("id", "title", "intro", "start", "steps", "endings", "source",
            "graded");
    private static final Set<String> STEP_KEYS = Set.of("id", "text", "choices");
    private static final Set<String> CHOICE_KEYS = Set.of("id", "text", "weight", "feedback", "next");
    private static final Set<String> ENDING_KEYS = Set.of("id", "title", "debrief");

    private final YamlTree y;
    private final BlockContext ctx;
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private final Map<Object, String> places;

    BranchingBlock(YamlTree y, BlockContext ctx, Map<Object, String> places) {
        this.y = y;
        this.ctx = ctx;
        this.places = places;
    }

    Branching parse() {
        y.allowOnly(KEYS);
        String id = QuizBlocks.id(y, "id");
        String title = y.string("title", true);
        String intro = y.string("intro", false);
        String start = y.string("start", true);
        Map<String, Branching.Ending> endings = endings();
        Map<String, Branching.Step> steps = steps(endings.keySet());
        if (start != null && !steps.containsKey(start)) {
            y.problems().add(y.file(), y.lineOf("start"), "`start: " + start + "` is not a step");
        } else if (start != null) {
            checkGraph(start, steps, endings);
        }
        StringBuilder raw = new StringBuilder(id + title + intro);
        steps.values().forEach(s -> {
            raw.append(s.id()).append(s.text());
            s.choices().forEach(c -> raw.append(c.id()).append(c.text()).append(c.weight()).append(c.next()));
        });
        return new Branching(id, title, intro == null ? null : ctx.markdown(intro, y.lineOf("intro")), start, steps,
                endings, y.string("source", false), y.bool("graded", true), ctx.lessonSlug(),
                QuizBlocks.version(raw.toString()));
    }

    private Map<String, Branching.Ending> endings() {
        Map<String, Branching.Ending> endings = new LinkedHashMap<>();
        for (YamlTree e : y.maps("endings", true)) {
            e.allowOnly(ENDING_KEYS);
            String eid = QuizBlocks.id(e, "id");
            String debrief = e.string("debrief", true);
            if (eid != null && endings.putIfAbsent(eid, new Branching.Ending(eid, e.string("title", true),
                    debrief == null ? "" : ctx.markdown(debrief, e.lineOf("debrief")))) != null) {
                e.problem("duplicate ending id `" + eid + "`");
            }
            lines.put(eid, e.line());
        }
        return endings;
    }

    private Map<String, Branching.Step> steps(Set<String> endingIds) {
        Map<String, Branching.Step> steps = new LinkedHashMap<>();
        List<YamlTree> trees = y.maps("steps", true);
        Set<String> stepIds = new HashSet<>();
        trees.forEach(t -> stepIds.add(t.string("id", false)));
        for (YamlTree s : trees) {
            s.allowOnly(STEP_KEYS);
            String sid = QuizBlocks.id(s, "id");
            String text = s.string("text", true);
            List<Branching.Choice> choices = new ArrayList<>();
            Set<String> choiceIds = new HashSet<>();
            for (YamlTree c : s.maps("choices", true)) {
                Branching.Choice choice = choice(c, stepIds, endingIds);
                if (choice.id() != null && !choiceIds.add(choice.id())) {
                    c.problem("duplicate choice id `" + choice.id() + "` in step `" + sid + "`");
                }
                choices.add(choice);
            }
            if (sid != null && endingIds.contains(sid)) {
                s.problem("`" + sid + "` is both a step and an ending");
            }
            Branching.Step step = new Branching.Step(sid, text, text == null ? "" : ctx.markdown(text, s.lineOf("text")),
                    choices);
            if (sid != null && steps.putIfAbsent(sid, step) != null) {
                s.problem("duplicate step id `" + sid + "`");
            }
            places.put(step, s.file() + ":" + s.line());
            lines.put(sid, s.line());
        }
        return steps;
    }

    private Branching.Choice choice(YamlTree c, Set<String> stepIds, Set<String> endingIds) {
        c.allowOnly(CHOICE_KEYS);
        String cid = QuizBlocks.id(c, "id");
        String text = c.string("text", true);
        Double weight = c.number("weight", true, 0, 1);
        String feedback = c.string("feedback", true);
        String next = c.string("next", true);
        if (next != null && !stepIds.contains(next) && !endingIds.contains(next)) {
            c.problems().add(c.file(), c.lineOf("next"), "`next: " + next + "` is neither a step nor an ending");
        }
        return new Branching.Choice(cid, text, text == null ? "" : ctx.inline(text, c.lineOf("text")),
                weight == null ? 0 : weight, feedback == null ? "" : ctx.markdown(feedback, c.lineOf("feedback")),
                next);
    }

    /** Walks from the start: reports unreachable steps and endings and any path that loops back. */
    private void checkGraph(String start, Map<String, Branching.Step> steps, Map<String, Branching.Ending> endings) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String node = todo.pop();
            if (reached.add(node) && steps.containsKey(node)) {
                steps.get(node).choices().forEach(c -> todo.push(c.next()));
            }
        }
        steps.keySet().stream().filter(s -> !reached.contains(s))
                .forEach(s -> y.problems().add(y.file(), lines.get(s), "step `" + s + "` cannot be reached from the start"));
        endings.keySet().stream().filter(e -> !reached.contains(e))
                .forEach(e -> y.problems().add(y.file(), lines.get(e), "ending `" + e + "` cannot be reached"));
        findLoop(start, steps, new HashSet<>(), new HashSet<>());
    }

    private boolean findLoop(String node, Map<String, Branching.Step> steps, Set<String> onPath, Set<String> done) {
        if (!steps.containsKey(node) || done.contains(node)) {
            return false;
        }
        if (!onPath.add(node)) {
            y.problems().add(y.file(), lines.get(node), "a path loops back to step `" + node + "`");
            return true;
        }
        for (Branching.Choice c : steps.get(node).choices()) {
            if (findLoop(c.next(), steps, onPath, done)) {
                return true;
            }
        }
        onPath.remove(node);
        done.add(node);
        return false;
    }
}
