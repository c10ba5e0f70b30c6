package be.stek.scorm;

import be.stek.scorm.SeqTree.Activity;
import be.stek.scorm.SeqTree.Condition;
import be.stek.scorm.SeqTree.Objective;
import be.stek.scorm.SeqTree.Rule;
import be.stek.scorm.SeqTree.RollupRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SCORM 2004 sequencing on the server, after the SN book's pseudo-code: the navigation request process (start,
 * resumeAll, continue, previous, choice, jump, exit, exitAll, suspendAll, abandon, abandonAll), the termination
 * request process with exit- and post-condition rules (exit, exitParent, exitAll, retry, retryAll, continue,
 * previous), the flow, choice, retry and resume sequencing requests with pre-condition rules (skip, disabled,
 * hiddenFromChoice, stopForwardTraversal) and limit conditions (attemptLimit), delivery with new attempts, and the
 * overall rollup (measure with objective measure weights, satisfaction and completion by rollup rules or the SN
 * defaults, rollup considerations), with global objectives read and written through {@code mapInfo}. Works on one
 * learner's {@link SeqState} in memory; {@link SequencingStore} loads and stores it. Not thread-safe: one per use.
 */
final class Sequencer {
    /** What the SCO of a leaf reported in its latest attempt, read when its attempt ends. */
    record LeafResult(String completion, String success, Double scaled, Double progress, boolean suspended,
                      Map<String, Objectives.Reported> objectives) {
    }

    /** What a navigation request came to: an activity to deliver, the end of the session, or a refusal. */
    record Outcome(String deliver, boolean ended, String refusal) {
        static Outcome refused(String why) {
            return new Outcome(null, false, why);
        }

        static final Outcome ENDED = new Outcome(null, true, null);
        static final Outcome STAYED = new Outcome(null, false, null);

        boolean valid() {
            return refusal == null;
        }
    }

    final SeqTree tree;
    final SeqState st;
    final Map<String, Objectives.Global> globals;
    final Map<String, Objectives.Global> written = new LinkedHashMap<>();
    private final Function<String, LeafResult> leaves;

    Sequencer(SeqTree tree, SeqState st, Map<String, Objectives.Global> globals,
              Function<String, LeafResult> leaves) {
        this.tree = tree;
        this.st = st;
        this.globals = new HashMap<>(globals);
        this.leaves = leaves;
    }

    /** A copy to try a request on without changing this one. */
    Sequencer trial() {
        return new Sequencer(tree, st.copy(), globals, leaves);
    }

    Activity current() {
        return tree.get(st.current);
    }

    // ---------------------------------------------------------------- navigation request process (NB.2.1, OP.1)

    Outcome navigate(String request, String target) {
        Activity cur = current();
        switch (request) {
            case "start":
                if (cur != null && cur.leaf && !st.ended) {
                    return deliver(cur);
                }
                if (st.suspended != null) {
                    return resumeAll();
                }
                st.ended = false;
                st.current = null;
                return flowInto(tree.root);
            case "resumeAll":
                return st.suspended == null ? Outcome.refused("noSuspended") : resumeAll();
            case "continue":
            case "previous": {
                boolean forward = "continue".equals(request);
                if (cur == null) {
                    return Outcome.refused("noCurrent");
                }
                if (cur.parent == null || !cur.parent.flow) {
                    return Outcome.refused("flowDisabled");
                }
                if (!forward && cur.parent.forwardOnly) {
                    return Outcome.refused("forwardOnly");
                }
                Pending after = terminate(cur);
                return after != null ? sequence(after) : flowFrom(current(), forward);
            }
            case "choice": {
                Activity t = tree.get(target);
                String why = choiceRefusal(cur, t);
                if (why != null) {
                    return Outcome.refused(why);
                }
                if (cur != null && cur == t && st.act(t.id).active) {
                    return new Outcome(t.id, false, null);
                }
                Pending after = cur == null ? null : terminate(cur);
                if (after != null) {
                    return sequence(after);
                }
                endUpTo(current(), t);
                return t.leaf ? deliver(t) : flowInto(t);
            }
            case "jump": {
                Activity t = tree.get(target);
                if (t == null || !t.leaf) {
                    return Outcome.refused("unknownTarget");
                }
                if (cur != null) {
                    endAll(cur, false);
                    endUpTo(cur, t);
                }
                return deliver(t);
            }
            case "exit":
            case "abandon": {
                if (cur == null || !st.act(cur.id).active) {
                    return Outcome.refused("noCurrent");
                }
                if ("abandon".equals(request)) {
                    st.act(cur.id).active = false;
                    return Outcome.STAYED;
                }
                Pending after = terminate(cur);
                if (after != null) {
                    return sequence(after);
                }
                return current() == tree.root ? endSession() : Outcome.STAYED;
            }
            case "exitAll":
            case "abandonAll":
                if (cur != null) {
                    endAll(cur, "abandonAll".equals(request));
                }
                return endSession();
            case "suspendAll":
                if (cur == null) {
                    return Outcome.refused("noCurrent");
                }
                suspendAll(cur);
                return Outcome.STAYED;
            default:
                return Outcome.refused("unknownRequest");
        }
    }

    /** Why a choice of {@code t} is not allowed now (SB.2.9), or null. */
    String choiceRefusal(Activity cur, Activity t) {
        if (t == null || t == tree.root) {
            return "unknownTarget";
        }
        for (Activity x : t.path()) {
            if (x.parent != null && !x.parent.choice) {
                return "choiceDisabled";
            }
            if ("hiddenFromChoice".equals(ruleAction(x, x.pre, "hiddenFromChoice"))) {
                return "hidden";
            }
            SeqState.Act s = st.act(x.id);
            if (disabled(x) || (limitExceeded(x) && !s.active && !s.suspended)) {
                return "disabled";
            }
        }
        if (cur != null && cur != t) {
            Activity common = commonAncestor(cur, t);
            if (common != null && common.forwardOnly && t.order < cur.order) {
                return "forwardOnly";
            }
            for (Activity x = cur; x != null && x != common; x = x.parent) {
                if (st.act(x.id).active && !x.choiceExit && !x.isAncestorOf(t) && x != t) {
                    return "choiceExit";
                }
            }
        }
        if (!t.leaf) {
            Outcome into = trial().flowInto(t);
            if (into.deliver() == null) {
                return "nothingToDeliver";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- termination (TB.2.1–TB.2.3)

    /** A sequencing request the post-condition rules asked for, on an activity. */
    private record Pending(String request, Activity on) {
    }

    /** Ends the current activity's attempt (exit): exit rules, then post-condition rules. */
    private Pending terminate(Activity cur) {
        if (!st.act(cur.id).active) {
            return null;
        }
        endAttempt(cur);
        for (Activity a : cur.path()) {
            if (a != cur && "exit".equals(ruleAction(a, a.exit, "exit"))) {
                endDescendants(a);
                endAttempt(a);
                cur = a;
                break;
            }
        }
        st.current = cur.id;
        while (true) {
            String action = firstAction(cur, cur.post);
            if (action == null) {
                return null;
            }
            switch (action) {
                case "exitParent":
                    if (cur.parent == null) {
                        return null;
                    }
                    cur = cur.parent;
                    if (st.act(cur.id).active) {
                        endAttempt(cur);
                    }
                    st.current = cur.id;
                    continue;
                case "exitAll":
                    return new Pending("exitAll", cur);
                case "retry":
                    return new Pending("retry", cur);
                case "retryAll":
                    return new Pending("retry", tree.root);
                case "continue":
                case "previous":
                    return new Pending(action, cur);
                default:
                    return null;
            }
        }
    }

    private Outcome sequence(Pending p) {
        switch (p.request()) {
            case "exitAll":
                endAll(p.on(), false);
                return endSession();
            case "retry": {
                Activity a = p.on();
                endDescendants(a);
                if (st.act(a.id).active) {
                    endAttempt(a);
                }
                st.act(a.id).suspended = false;
                if (a.leaf) {
                    return deliver(a);
                }
                beginAttempt(a);
                return flowInto(a);
            }
            default:
                return flowFrom(p.on(), "continue".equals(p.request()));
        }
    }

    private Outcome endSession() {
        st.current = null;
        st.ended = true;
        return Outcome.ENDED;
    }

    private void endAll(Activity from, boolean abandon) {
        for (Activity x = from; x != null; x = x.parent) {
            if (st.act(x.id).active) {
                if (abandon) {
                    st.act(x.id).active = false;
                } else {
                    endAttempt(x);
                }
            }
        }
    }

    /** Ends the attempts of the active activities from {@code from} up to (not including) the ancestor it shares with {@code t}. */
    private void endUpTo(Activity from, Activity t) {
        if (from == null) {
            return;
        }
        Activity common = commonAncestor(from, t);
        for (Activity x = from; x != null && x != common && x != t; x = x.parent) {
            if (st.act(x.id).active) {
                endAttempt(x);
            }
        }
    }

    private void endDescendants(Activity a) {
        for (Activity c : a.children) {
            endDescendants(c);
            if (st.act(c.id).active) {
                endAttempt(c);
            }
        }
    }

    private void suspendAll(Activity cur) {
        for (Activity x = cur; x != null; x = x.parent) {
            SeqState.Act s = st.act(x.id);
            if (s.active) {
                if (x.leaf) {
                    sync(x);
                }
                s.active = false;
                s.suspended = true;
            }
        }
        rollupFrom(cur);
        st.suspended = cur.id;
        st.current = null;
    }

    private Outcome resumeAll() {
        Activity a = tree.get(st.suspended);
        if (a == null || !a.leaf) {
            st.suspended = null;
            return flowInto(tree.root);
        }
        st.ended = false;
        return deliver(a);
    }

    /** The End Attempt Process (UP.4): a leaf takes what its SCO reported; then the rollup runs. */
    void endAttempt(Activity a) {
        SeqState.Act s = st.act(a.id);
        if (a.leaf) {
            sync(a);
            if (a.tracked && !s.suspended) {
                if (!a.completionSetByContent && !s.progressKnown) {
                    s.progressKnown = true;
                    s.completed = true;
                }
                SeqState.Obj primary = st.obj(a.id, a.primary().id());
                if (!a.objectiveSetByContent && !primary.known) {
                    primary.known = true;
                    primary.satisfied = true;
                }
            }
        } else {
            s.suspended = a.children.stream().anyMatch(c -> st.act(c.id).suspended);
        }
        s.active = false;
        rollupFrom(a);
    }

    /** Copies what a leaf's SCO reported into the leaf's tracking state. */
    private void sync(Activity a) {
        LeafResult r = leaves.apply(a.id);
        if (r == null || !a.tracked) {
            return;
        }
        SeqState.Act s = st.act(a.id);
        s.suspended = r.suspended();
        s.progressKnown = "completed".equals(r.completion()) || "incomplete".equals(r.completion());
        s.completed = "completed".equals(r.completion());
        for (Objective o : a.objectives) {
            SeqState.Obj local = st.obj(a.id, o.id());
            String success;
            Double measure;
            if (o.primary()) {
                success = r.success();
                measure = r.scaled();
            } else {
                Objectives.Reported rep = r.objectives().get(o.id());
                success = rep == null ? null : rep.success();
                measure = rep == null ? null : rep.scaled();
            }
            local.known = "passed".equals(success) || "failed".equals(success);
            local.satisfied = "passed".equals(success);
            local.measure = measure;
            if (o.satisfiedByMeasure() && measure != null) {
                local.known = true;
                local.satisfied = measure >= o.minMeasure();
            }
        }
        writeGlobals(a);
    }

    // ---------------------------------------------------------------- flow (SB.2.1–SB.2.3)

    /** Delivers the first activity a forward flow into {@code a} finds (a itself when it is a leaf). */
    Outcome flowInto(Activity a) {
        if (a.leaf) {
            return activityTraversal(a, true);
        }
        if (a.children.isEmpty()) {
            return Outcome.refused("nothingToDeliver");
        }
        if (!a.flow) {
            return Outcome.refused("flowDisabled");
        }
        beginAttemptIfIdle(a);
        return activityTraversal(a.children.get(0), true);
    }

    private Outcome flowFrom(Activity from, boolean forward) {
        if (from == null) {
            return Outcome.refused("noCurrent");
        }
        Activity next = treeTraversal(from, forward, false);
        if (next == null) {
            return forward ? endSession() : Outcome.refused("beginning");
        }
        return activityTraversal(next, forward);
    }

    /** The next activity in the tree in preorder (forward) or its reverse, or null past the ends. */
    private Activity treeTraversal(Activity from, boolean forward, boolean children) {
        if (forward && children && !from.leaf && !from.children.isEmpty()) {
            return from.children.get(0);
        }
        for (Activity x = from; x.parent != null; x = x.parent) {
            List<Activity> siblings = x.parent.children;
            int i = siblings.indexOf(x);
            if (!forward && x.parent.forwardOnly) {
                return null;
            }
            int j = forward ? i + 1 : i - 1;
            if (j >= 0 && j < siblings.size()) {
                return siblings.get(j);
            }
        }
        return null;
    }

    /** The Flow Activity Traversal Subprocess (SB.2.2): skip, check, descend, deliver. */
    private Outcome activityTraversal(Activity a, boolean forward) {
        for (int guard = 0; guard < 10_000; guard++) {
            if (a.parent != null && !a.parent.flow) {
                return Outcome.refused("flowDisabled");
            }
            String pre = firstAction(a, a.pre);
            if ("skip".equals(pre)) {
                st.act(a.id).skipped = true;
                Activity next = treeTraversal(a, forward, false);
                if (next == null) {
                    return forward ? endSession() : Outcome.refused("beginning");
                }
                a = next;
                continue;
            }
            if ("disabled".equals(pre) || disabled(a)
                    || (limitExceeded(a) && !st.act(a.id).active && !st.act(a.id).suspended)) {
                return Outcome.refused("disabled");
            }
            if (forward && "stopForwardTraversal".equals(ruleAction(a, a.pre, "stopForwardTraversal"))) {
                return Outcome.refused("stopped");
            }
            if (a.leaf) {
                return deliver(a);
            }
            if (a.children.isEmpty()) {
                return Outcome.refused("nothingToDeliver");
            }
            beginAttemptIfIdle(a);
            boolean down = forward || a.forwardOnly;
            a = down ? a.children.get(0) : a.children.get(a.children.size() - 1);
            forward = down;
        }
        return Outcome.refused("loop");
    }

    // ---------------------------------------------------------------- delivery (DB.1.1, DB.2)

    Outcome deliver(Activity leaf) {
        for (Activity x : leaf.path()) {
            if (disabled(x) || (limitExceeded(x) && !st.act(x.id).active && !st.act(x.id).suspended)) {
                return Outcome.refused("disabled");
            }
        }
        Activity cur = current();
        if (cur != null && cur != leaf) {
            endUpTo(cur, leaf);
        }
        for (Activity x : leaf.path()) {
            beginAttemptIfIdle(x);
        }
        st.current = leaf.id;
        st.suspended = null;
        st.ended = false;
        return new Outcome(leaf.id, false, null);
    }

    private void beginAttemptIfIdle(Activity x) {
        SeqState.Act s = st.act(x.id);
        if (s.active) {
            return;
        }
        if (s.suspended) {
            s.suspended = false;
            s.active = true;
            return;
        }
        beginAttempt(x);
    }

    /** A new attempt on {@code x}: its count goes up and its (and, for a cluster, its descendants') tracking starts over. */
    private void beginAttempt(Activity x) {
        SeqState.Act s = st.act(x.id);
        int attempts = s.attempts + 1;
        reset(x);
        s = st.act(x.id);
        s.attempts = attempts;
        s.active = true;
        for (Activity c : x.children) {
            resetTree(c);
        }
    }

    private void reset(Activity x) {
        SeqState.Act old = st.act(x.id);
        SeqState.Act fresh = new SeqState.Act();
        fresh.attempts = old.attempts;
        st.activities.put(x.id, fresh);
    }

    private void resetTree(Activity x) {
        reset(x);
        x.children.forEach(this::resetTree);
    }

    // ---------------------------------------------------------------- rules and checks (UP.2, UP.5)

    private boolean disabled(Activity a) {
        return "disabled".equals(ruleAction(a, a.pre, "disabled"));
    }

    boolean limitExceeded(Activity a) {
        return a.attemptLimit != null && st.act(a.id).attempts >= a.attemptLimit;
    }

    /** {@code wanted} when a rule with that action fires, else null. */
    private String ruleAction(Activity a, List<Rule> rules, String wanted) {
        for (Rule r : rules) {
            if (wanted.equals(r.action()) && fires(a, r)) {
                return wanted;
            }
        }
        return null;
    }

    /** The action of the first rule that fires, or null. */
    private String firstAction(Activity a, List<Rule> rules) {
        for (Rule r : rules) {
            if (fires(a, r)) {
                return r.action();
            }
        }
        return null;
    }

    private boolean fires(Activity a, Rule r) {
        if (r.conditions().isEmpty()) {
            return false;
        }
        for (Condition c : r.conditions()) {
            boolean v = condition(a, c);
            if (r.any() && v) {
                return true;
            }
            if (!r.any() && !v) {
                return false;
            }
        }
        return !r.any();
    }

    private boolean condition(Activity a, Condition c) {
        Objective o = a.objective(c.objective());
        Status s = o == null ? Status.UNKNOWN : status(a, o);
        SeqState.Act act = st.act(a.id);
        boolean v = switch (String.valueOf(c.condition())) {
            case "satisfied" -> s.known() && s.satisfied();
            case "objectiveStatusKnown" -> s.known();
            case "objectiveMeasureKnown" -> s.measure() != null;
            case "objectiveMeasureGreaterThan" -> s.measure() != null && s.measure() > c.threshold();
            case "objectiveMeasureLessThan" -> s.measure() != null && s.measure() < c.threshold();
            case "completed" -> act.progressKnown && act.completed;
            case "activityProgressKnown" -> act.progressKnown;
            case "attempted" -> act.attempts > 0;
            case "attemptLimitExceeded" -> limitExceeded(a);
            case "always" -> true;
            default -> false;
        };
        return c.not() != v;
    }

    /** An objective's status as sequencing sees it: a global it reads wins over the local one. */
    record Status(boolean known, boolean satisfied, Double measure) {
        static final Status UNKNOWN = new Status(false, false, null);
    }

    Status status(Activity a, Objective o) {
        SeqState.Obj local = st.act(a.id).objectives.get(o.id());
        boolean known = local != null && local.known;
        boolean satisfied = local != null && local.satisfied;
        Double measure = local == null ? null : local.measure;
        for (Manifest.ObjectiveMap m : o.maps()) {
            Objectives.Global g = globals.get(m.target());
            if (g == null) {
                continue;
            }
            if (m.readSatisfied() && g.satisfied() != null) {
                known = true;
                satisfied = g.satisfied();
            }
            if (m.readMeasure() && g.measure() != null) {
                measure = g.measure();
            }
        }
        if (o.satisfiedByMeasure() && measure != null && !st.act(a.id).active) {
            known = true;
            satisfied = measure >= o.minMeasure();
        }
        return new Status(known, satisfied, measure);
    }

    // ---------------------------------------------------------------- rollup (RB.1.1–RB.1.5)

    /** The Overall Rollup Process from {@code a} up to the root. */
    void rollupFrom(Activity a) {
        for (Activity x = a.leaf ? a.parent : a; x != null; x = x.parent) {
            if (!x.children.isEmpty()) {
                measureRollup(x);
                objectiveRollup(x);
                progressRollup(x);
                writeGlobals(x);
            }
        }
    }

    private void measureRollup(Activity x) {
        double total = 0;
        double counted = 0;
        boolean valid = false;
        for (Activity c : x.children) {
            if (!c.tracked) {
                continue;
            }
            counted += c.measureWeight;
            Status s = status(c, c.primary());
            if (s.measure() != null) {
                valid = true;
                total += s.measure() * c.measureWeight;
            }
        }
        st.obj(x.id, x.primary().id()).measure = valid && counted > 0 ? total / counted : null;
    }

    private void objectiveRollup(Activity x) {
        Objective primary = x.primary();
        SeqState.Obj o = st.obj(x.id, primary.id());
        if (primary.satisfiedByMeasure()) {
            o.known = o.measure != null;
            o.satisfied = o.measure != null && o.measure >= primary.minMeasure();
            return;
        }
        if (rollupRule(x, "notSatisfied", List.of(new RollupRule("all", 0, 0, false,
                List.of(new Condition("objectiveStatusKnown", false, null, 0)), "notSatisfied")))) {
            o.known = true;
            o.satisfied = false;
        }
        if (rollupRule(x, "satisfied", List.of(new RollupRule("all", 0, 0, false,
                List.of(new Condition("satisfied", false, null, 0)), "satisfied")))) {
            o.known = true;
            o.satisfied = true;
        }
    }

    private void progressRollup(Activity x) {
        SeqState.Act s = st.act(x.id);
        if (rollupRule(x, "incomplete", List.of(new RollupRule("all", 0, 0, false,
                List.of(new Condition("activityProgressKnown", false, null, 0)), "incomplete")))) {
            s.progressKnown = true;
            s.completed = false;
        }
        if (rollupRule(x, "completed", List.of(new RollupRule("all", 0, 0, false,
                List.of(new Condition("completed", false, null, 0)), "completed")))) {
            s.progressKnown = true;
            s.completed = true;
        }
    }

    /** Whether a rollup rule with {@code action} fires; the SN default rule when the activity declares none. */
    private boolean rollupRule(Activity x, String action, List<RollupRule> defaults) {
        List<RollupRule> rules = x.rollup.stream().filter(r -> action.equals(r.action())).toList();
        for (RollupRule r : rules.isEmpty() ? defaults : rules) {
            List<Boolean> bag = new ArrayList<>();
            for (Activity c : x.children) {
                if (contributes(c, action)) {
                    bag.add(rollupConditions(c, r));
                }
            }
            if (bag.isEmpty()) {
                continue;
            }
            long yes = bag.stream().filter(b -> b).count();
            boolean fires = switch (r.childSet()) {
                case "any" -> yes > 0;
                case "none" -> yes == 0;
                case "atLeastCount" -> yes >= r.minCount();
                case "atLeastPercent" -> yes * 100.0 / bag.size() >= r.minPercent() * (r.minPercent() <= 1 ? 100 : 1);
                default -> yes == bag.size();
            };
            if (fires) {
                return true;
            }
        }
        return false;
    }

    private boolean rollupConditions(Activity c, RollupRule r) {
        if (r.conditions().isEmpty()) {
            return true;
        }
        for (Condition cond : r.conditions()) {
            boolean v = "never".equals(cond.condition()) ? cond.not() : condition(c, cond);
            if (r.any() && v) {
                return true;
            }
            if (!r.any() && !v) {
                return false;
            }
        }
        return !r.any();
    }

    /** Check Child for Rollup (RB.1.4.2): tracked, rolled up for this kind, and required by its considerations. */
    private boolean contributes(Activity c, String action) {
        if (!c.tracked) {
            return false;
        }
        boolean satisfaction = "satisfied".equals(action) || "notSatisfied".equals(action);
        if (satisfaction ? !c.rollupSatisfied : !c.rollupCompletion) {
            return false;
        }
        String required = switch (action) {
            case "satisfied" -> c.requiredForSatisfied;
            case "notSatisfied" -> c.requiredForNotSatisfied;
            case "completed" -> c.requiredForCompleted;
            default -> c.requiredForIncomplete;
        };
        SeqState.Act s = st.act(c.id);
        return switch (required) {
            case "ifAttempted" -> s.attempts > 0;
            case "ifNotSkipped" -> !s.skipped && !"skip".equals(ruleAction(c, c.pre, "skip"));
            case "ifNotSuspended" -> !(s.attempts > 0 && s.suspended);
            default -> true;
        };
    }

    /** Writes an activity's objectives to the global objectives their maps write to. */
    private void writeGlobals(Activity a) {
        for (Objective o : a.objectives) {
            SeqState.Obj local = st.act(a.id).objectives.get(o.id());
            if (local == null) {
                continue;
            }
            for (Manifest.ObjectiveMap m : o.maps()) {
                boolean sat = m.writeSatisfied() && local.known;
                boolean measure = m.writeMeasure() && local.measure != null;
                if (!sat && !measure) {
                    continue;
                }
                Objectives.Global before = globals.get(m.target());
                Objectives.Global after = new Objectives.Global(
                        sat ? Boolean.valueOf(local.satisfied) : before == null ? null : before.satisfied(),
                        measure ? local.measure : before == null ? null : before.measure());
                globals.put(m.target(), after);
                written.put(m.target(), after);
            }
        }
    }

    private static Activity commonAncestor(Activity a, Activity b) {
        for (Activity x = a; x != null; x = x.parent) {
            if (x == b || x.isAncestorOf(b)) {
                return x;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- what the LMS shows

    /** Whether a request would be accepted now (tried on a copy): {@code adl.nav.request_valid} and the buttons. */
    boolean valid(String request, String target) {
        return trial().navigate(request, target).valid();
    }

    /** Whether a request would lead to an activity (not merely end the session). */
    String wouldDeliver(String request, String target) {
        return trial().navigate(request, target).deliver();
    }

    /** The root's rolled-up status: completion and success as the package's status. */
    Status rootStatus() {
        return status(tree.root, tree.root.primary());
    }

    boolean rootCompleted() {
        SeqState.Act s = st.act(tree.root.id);
        return s.progressKnown && s.completed;
    }

    boolean rootProgressKnown() {
        return st.act(tree.root.id).progressKnown;
    }
}
