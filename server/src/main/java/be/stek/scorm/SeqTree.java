package be.stek.scorm;

import static be.stek.scorm.ManifestParser.IMSSS;
import static be.stek.scorm.ManifestParser.attr;
import static be.stek.scorm.ManifestParser.child;
import static be.stek.scorm.ManifestParser.children;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The activity tree of a SCORM 2004 package (SCORM 2004 Sequencing and Navigation, the "SN book"): the default
 * organization as the root, its items as activities, each with the sequencing definition its {@code imsss:sequencing}
 * gives, completed element by element from the {@code imsss:sequencingCollection} entry its {@code IDRef} names (an
 * element the item declares itself replaces the collection's). Defaults are the SN book's.
 */
final class SeqTree {
    static final String ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3";
    static final String ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3";

    /** A rule condition; {@code objective} is the referenced objective's id (null: the primary objective). */
    record Condition(String condition, boolean not, String objective, double threshold) {
    }

    /** A pre-, post- or exit-condition rule: {@code combination} is {@code all} or {@code any}. */
    record Rule(boolean any, List<Condition> conditions, String action) {
    }

    /** A rollup rule: which children ({@code all, any, none, atLeastCount, atLeastPercent}), conditions, action. */
    record RollupRule(String childSet, int minCount, double minPercent, boolean any, List<Condition> conditions,
                      String action) {
    }

    /** An objective of an activity: its own id ("" for an undeclared primary objective) and global maps. */
    record Objective(String id, boolean primary, boolean satisfiedByMeasure, double minMeasure,
                     List<Manifest.ObjectiveMap> maps) {
    }

    /** One {@code adlcp:map} of a SCO: the shared data bucket it may read and write (4th edition). */
    record DataMap(String targetID, boolean readSharedData, boolean writeSharedData) {
    }

    /** One activity: an item of the organization (or the organization itself, the root). */
    static final class Activity {
        final String id;
        final String title;
        final boolean visible;
        final boolean leaf;
        Activity parent;
        final List<Activity> children = new ArrayList<>();
        int order;
        boolean choice = true;
        boolean choiceExit = true;
        boolean flow = false;
        boolean forwardOnly = false;
        final List<Rule> pre = new ArrayList<>();
        final List<Rule> post = new ArrayList<>();
        final List<Rule> exit = new ArrayList<>();
        Integer attemptLimit;
        final List<RollupRule> rollup = new ArrayList<>();
        boolean rollupSatisfied = true;
        boolean rollupCompletion = true;
        double measureWeight = 1;
        String requiredForSatisfied = "always";
        String requiredForNotSatisfied = "always";
        String requiredForCompleted = "always";
        String requiredForIncomplete = "always";
        final List<Objective> objectives = new ArrayList<>();
        boolean tracked = true;
        boolean completionSetByContent = false;
        boolean objectiveSetByContent = false;
        double progressWeight = 1;
        final List<DataMap> data = new ArrayList<>();

        Activity(String id, String title, boolean visible, boolean leaf) {
            this.id = id;
            this.title = title;
            this.visible = visible;
            this.leaf = leaf;
        }

        Objective primary() {
            return objectives.stream().filter(Objective::primary).findFirst().orElseThrow();
        }

        Objective objective(String objectiveId) {
            if (objectiveId == null || objectiveId.isBlank()) {
                return primary();
            }
            return objectives.stream().filter(o -> o.id().equals(objectiveId)).findFirst().orElse(null);
        }

        boolean isRoot() {
            return parent == null;
        }

        /** This activity and its ancestors, from the root down. */
        List<Activity> path() {
            List<Activity> out = new ArrayList<>();
            for (Activity a = this; a != null; a = a.parent) {
                out.add(0, a);
            }
            return out;
        }

        boolean isAncestorOf(Activity other) {
            for (Activity a = other.parent; a != null; a = a.parent) {
                if (a == this) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    final Activity root;
    final Map<String, Activity> byId;
    /** True when the manifest has sequencing of its own; otherwise Stek lets the learner move freely. */
    final boolean sequenced;

    private SeqTree(Activity root, Map<String, Activity> byId, boolean sequenced) {
        this.root = root;
        this.byId = byId;
        this.sequenced = sequenced;
    }

    List<Activity> leaves() {
        return byId.values().stream().filter(a -> a.leaf).toList();
    }

    Activity get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The tree of a manifest's default organization. */
    static SeqTree of(Element manifest) {
        String ns = manifest.getNamespaceURI();
        Map<String, Element> collection = ObjectiveReader.collection(manifest);
        Element orgs = child(manifest, ns, "organizations");
        Element org = null;
        if (orgs != null) {
            List<Element> all = children(orgs, ns, "organization");
            String wanted = orgs.getAttribute("default");
            org = all.stream().filter(o -> o.getAttribute("identifier").equals(wanted)).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
        }
        Map<String, Activity> byId = new LinkedHashMap<>();
        boolean sequenced = manifest.getElementsByTagNameNS(IMSSS, "sequencing").getLength() > 0;
        String orgId = org == null ? "organization" : org.getAttribute("identifier");
        Activity root = new Activity(orgId, org == null ? "" : String.valueOf(ManifestParser.text(child(org, ns, "title"))),
                true, false);
        byId.put(root.id, root);
        if (org != null) {
            read(root, org, collection);
            for (Element item : children(org, ns, "item")) {
                add(root, item, ns, collection, byId);
            }
        }
        int[] order = {0};
        number(root, order);
        if (!sequenced) {
            // No sequencing in the manifest: the SN defaults would forbid continue and previous (flow is false by
            // default); Stek lets the learner move through the table of contents in order, as before.
            byId.values().forEach(a -> a.flow = true);
        }
        return new SeqTree(root, byId, sequenced);
    }

    private static void number(Activity a, int[] order) {
        a.order = order[0]++;
        a.children.forEach(c -> number(c, order));
    }

    private static void add(Activity parent, Element item, String ns, Map<String, Element> collection,
                            Map<String, Activity> byId) {
        String id = item.getAttribute("identifier");
        boolean leaf = !item.getAttribute("identifierref").isBlank();
        String title = ManifestParser.text(child(item, ns, "title"));
        Activity a = new Activity(id, title == null || title.isBlank() ? id : title, !"false".equals(
                item.getAttribute("isvisible").strip()), leaf);
        a.parent = parent;
        parent.children.add(a);
        byId.put(id, a);
        read(a, item, collection);
        Element threshold = child(item, ManifestParser.ADLCP_2004, "completionThreshold");
        String weight = attr(threshold, null, "progressWeight");
        if (weight != null) {
            a.progressWeight = number(weight, 1);
        }
        Element data = child(item, ManifestParser.ADLCP_2004, "data");
        if (data != null) {
            for (Element m : children(data, ManifestParser.ADLCP_2004, "map")) {
                String target = attr(m, null, "targetID");
                if (target != null && !target.isBlank()) {
                    a.data.add(new DataMap(target.strip(), flag(m, "readSharedData", true),
                            flag(m, "writeSharedData", true)));
                }
            }
        }
        for (Element child : children(item, ns, "item")) {
            add(a, child, ns, collection, byId);
        }
    }

    /** Reads an item's (or the organization's) sequencing, completed from its collection entry. */
    private static void read(Activity a, Element owner, Map<String, Element> collection) {
        Element local = child(owner, IMSSS, "sequencing");
        Element shared = local == null ? null : collection.get(local.getAttribute("IDRef"));
        Element control = pick(local, shared, IMSSS, "controlMode");
        if (control != null) {
            a.choice = flag(control, "choice", true);
            a.choiceExit = flag(control, "choiceExit", true);
            a.flow = flag(control, "flow", false);
            a.forwardOnly = flag(control, "forwardOnly", false);
        }
        Element rules = pick(local, shared, IMSSS, "sequencingRules");
        if (rules != null) {
            children(rules, IMSSS, "preConditionRule").forEach(r -> a.pre.add(rule(r)));
            children(rules, IMSSS, "exitConditionRule").forEach(r -> a.exit.add(rule(r)));
            children(rules, IMSSS, "postConditionRule").forEach(r -> a.post.add(rule(r)));
        }
        Element limits = pick(local, shared, IMSSS, "limitConditions");
        String limit = attr(limits, null, "attemptLimit");
        if (limit != null && !limit.isBlank()) {
            int n = (int) number(limit, 0);
            a.attemptLimit = n > 0 ? n : null;
        }
        Element rollup = pick(local, shared, IMSSS, "rollupRules");
        if (rollup != null) {
            a.rollupSatisfied = flag(rollup, "rollupObjectiveSatisfied", true);
            a.rollupCompletion = flag(rollup, "rollupProgressCompletion", true);
            a.measureWeight = number(attr(rollup, null, "objectiveMeasureWeight"), 1);
            for (Element r : children(rollup, IMSSS, "rollupRule")) {
                Element conds = child(r, IMSSS, "rollupConditions");
                List<Condition> list = new ArrayList<>();
                if (conds != null) {
                    for (Element c : children(conds, IMSSS, "rollupCondition")) {
                        list.add(new Condition(attr(c, null, "condition"), "not".equals(attr(c, null, "operator")),
                                null, 0));
                    }
                }
                Element action = child(r, IMSSS, "rollupAction");
                a.rollup.add(new RollupRule(or(attr(r, null, "childActivitySet"), "all"),
                        (int) number(attr(r, null, "minimumCount"), 0), number(attr(r, null, "minimumPercent"), 0),
                        "any".equals(attr(conds, null, "conditionCombination")), list,
                        attr(action, null, "action")));
            }
        }
        Element considerations = pick(local, shared, ADLSEQ, "rollupConsiderations");
        if (considerations != null) {
            a.requiredForSatisfied = or(attr(considerations, null, "requiredForSatisfied"), "always");
            a.requiredForNotSatisfied = or(attr(considerations, null, "requiredForNotSatisfied"), "always");
            a.requiredForCompleted = or(attr(considerations, null, "requiredForCompleted"), "always");
            a.requiredForIncomplete = or(attr(considerations, null, "requiredForIncomplete"), "always");
        }
        Element delivery = pick(local, shared, IMSSS, "deliveryControls");
        if (delivery != null) {
            a.tracked = flag(delivery, "tracked", true);
            a.completionSetByContent = flag(delivery, "completionSetByContent", false);
            a.objectiveSetByContent = flag(delivery, "objectiveSetByContent", false);
        }
        Element objectives = pick(local, shared, IMSSS, "objectives");
        if (objectives != null) {
            Element primary = child(objectives, IMSSS, "primaryObjective");
            if (primary != null) {
                a.objectives.add(objective(primary, true));
            }
            for (Element o : children(objectives, IMSSS, "objective")) {
                Objective read = objective(o, false);
                if (!read.id().isEmpty() && a.objectives.stream().noneMatch(x -> x.id().equals(read.id()))) {
                    a.objectives.add(read);
                }
            }
        }
        if (a.objectives.stream().noneMatch(Objective::primary)) {
            a.objectives.add(0, new Objective("", true, false, 1, List.of()));
        }
    }

    private static Objective objective(Element o, boolean primary) {
        String id = or(attr(o, null, "objectiveID"), "");
        Element min = child(o, IMSSS, "minNormalizedMeasure");
        List<Manifest.ObjectiveMap> maps = new ArrayList<>();
        for (Element m : children(o, IMSSS, "mapInfo")) {
            String target = attr(m, null, "targetObjectiveID");
            if (target != null && !target.isBlank()) {
                maps.add(new Manifest.ObjectiveMap(target.strip(), flag(m, "readSatisfiedStatus", true),
                        flag(m, "readNormalizedMeasure", true), flag(m, "writeSatisfiedStatus", false),
                        flag(m, "writeNormalizedMeasure", false)));
            }
        }
        return new Objective(id.strip(), primary, flag(o, "satisfiedByMeasure", false),
                min == null ? 1 : number(min.getTextContent(), 1), maps);
    }

    private static Rule rule(Element r) {
        Element conds = child(r, IMSSS, "ruleConditions");
        List<Condition> list = new ArrayList<>();
        if (conds != null) {
            for (Element c : children(conds, IMSSS, "ruleCondition")) {
                list.add(new Condition(attr(c, null, "condition"), "not".equals(attr(c, null, "operator")),
                        attr(c, null, "referencedObjective"), number(attr(c, null, "measureThreshold"), 0)));
            }
        }
        return new Rule("any".equals(attr(conds, null, "conditionCombination")), list,
                attr(child(r, IMSSS, "ruleAction"), null, "action"));
    }

    /** The element {@code local} declares, else the one of its collection entry. */
    private static Element pick(Element local, Element shared, String ns, String name) {
        Element own = child(local, ns, name);
        return own != null ? own : child(shared, ns, name);
    }

    private static boolean flag(Element e, String name, boolean byDefault) {
        String v = attr(e, null, name);
        return v == null || v.isBlank() ? byDefault : "true".equals(v.strip());
    }

    private static double number(String v, double byDefault) {
        if (v == null || v.isBlank()) {
            return byDefault;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return byDefault;
        }
    }

    private static String or(String v, String byDefault) {
        return v == null || v.isBlank() ? byDefault : v.strip();
    }
}
