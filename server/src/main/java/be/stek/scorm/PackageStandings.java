package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where learners stand in SCORM packages, in the terms dashboards use for native courses, and the packages for the
 * catalogue. Per item the best attempt counts ({@link ItemResult}): completed when any attempt completed, passed when
 * any passed, the highest score. A package is complete when every item is (an asset item counts once opened); it is
 * passed when every item that reports success passed, failed when one failed; its score is the mean of the item
 * scores.
 */
public final class PackageStandings {
    /** A package as the catalogue lists it. */
    public record Entry(String slug, String title, String versionLabel, String url, int items) {
    }

    /** One learner in one package. {@code lastActivity} is ISO-8601 UTC, or null when never opened. */
    public record Standing(String slug, String title, String url, String completion, String success, Double score,
                           double totalSeconds, String lastActivity, int itemsCompleted, int itemsTotal,
                           Integer weightedPercent) {
        /** A standing whose progress is the share of items completed. */
        public Standing(String slug, String title, String url, String completion, String success, Double score,
                        double totalSeconds, String lastActivity, int itemsCompleted, int itemsTotal) {
            this(slug, title, url, completion, success, score, totalSeconds, lastActivity, itemsCompleted, itemsTotal,
                    null);
        }

        public boolean complete() {
            return "completed".equals(completion);
        }

        public boolean started() {
            return lastActivity != null;
        }

        /** {@code not-started}, {@code in-progress} or {@code complete}, as for courses. */
        public String state() {
            return complete() ? "complete" : started() ? "in-progress" : "not-started";
        }

        /**
         * Progress in percent: weighted as the manifest says ({@code weightedPercent}, see {@link #standing}) when
         * it gives weights, else the share of items completed.
         */
        public int percent() {
            if (weightedPercent != null) {
                return weightedPercent;
            }
            return itemsTotal == 0 ? 0 : itemsCompleted * 100 / itemsTotal;
        }
    }

    private final Database db;
    private final PackageRepository packages;

    PackageStandings(Database db, PackageRepository packages) {
        this.db = db;
        this.packages = packages;
    }

    /** Every package learners can open (archived ones left out). */
    public List<Entry> catalogue() {
        return packages.all(false).stream().map(p -> new Entry(p.slug(), p.title(), p.versionLabel(), url(p),
                (int) packages.items(p.id()).stream().filter(Manifest.Item::launchable).count())).toList();
    }

    /** The learner's standing in every package learners can open. */
    public List<Standing> of(long learnerId) {
        Map<Long, List<ScoAttempt>> attempts = db.read(c -> Sql.list(c,
                "SELECT * FROM scorm_attempt WHERE learner_id = ?", CmiStore::attempt, learnerId)).stream()
                .collect(Collectors.groupingBy(ScoAttempt::packageId));
        List<Standing> out = new ArrayList<>();
        for (ScormPackage p : packages.all(false)) {
            List<ScoAttempt> mine = new ArrayList<>();
            packages.lineage(p).forEach(version -> mine.addAll(attempts.getOrDefault(version, List.of())));
            out.add(standing(p, packages.items(p.id()), mine, packages.weights(p.id())));
        }
        return out;
    }

    /** A learner's standing in a package with each item's result: the attempt that counts and the latest one. */
    public record Detail(Standing standing, List<Toc> items) {
    }

    /** The learner's standing and item results in every package learners can open, as the package page shows them. */
    public List<Detail> details(long learnerId) {
        List<ScoAttempt> attempts = db.read(c -> Sql.list(c, "SELECT * FROM scorm_attempt WHERE learner_id = ?",
                CmiStore::attempt, learnerId));
        List<Detail> out = new ArrayList<>();
        for (ScormPackage p : packages.all(false)) {
            List<Long> lineage = packages.lineage(p);
            List<ScoAttempt> mine = attempts.stream().filter(a -> lineage.contains(a.packageId())).toList();
            List<Manifest.Item> items = packages.items(p.id());
            out.add(new Detail(standing(p, items, mine, packages.weights(p.id())), Toc.of(p, items, mine)));
        }
        return out;
    }

    /**
     * The standings of many learners at once: one query for their attempts (in chunks of 500 learners) and the
     * packages and their items read once, instead of all of that per learner.
     */
    public Map<Long, List<Standing>> ofLearners(List<Long> learnerIds) {
        Map<Long, List<ScoAttempt>> attempts = new java.util.HashMap<>();
        for (int from = 0; from < learnerIds.size(); from += 500) {
            List<Long> chunk = learnerIds.subList(from, Math.min(learnerIds.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            db.read(c -> Sql.list(c, "SELECT * FROM scorm_attempt WHERE learner_id IN (" + in + ")",
                    CmiStore::attempt, chunk.toArray())).forEach(a ->
                    attempts.computeIfAbsent(a.learnerId(), k -> new ArrayList<>()).add(a));
        }
        List<ScormPackage> all = packages.all(false);
        Map<Long, List<Manifest.Item>> items = new java.util.HashMap<>();
        Map<Long, List<Long>> lineages = new java.util.HashMap<>();
        Map<Long, Map<String, double[]>> weights = new java.util.HashMap<>();
        all.forEach(p -> {
            items.put(p.id(), packages.items(p.id()));
            weights.put(p.id(), packages.weights(p.id()));
            lineages.put(p.id(), packages.lineage(p));
        });
        Map<Long, List<Standing>> out = new java.util.HashMap<>();
        for (Long learner : learnerIds) {
            Map<Long, List<ScoAttempt>> byVersion = attempts.getOrDefault(learner, List.of()).stream()
                    .collect(Collectors.groupingBy(ScoAttempt::packageId));
            out.put(learner, all.stream().map(p -> {
                List<ScoAttempt> mine = new ArrayList<>();
                lineages.get(p.id()).forEach(version -> mine.addAll(byVersion.getOrDefault(version, List.of())));
                return standing(p, items.get(p.id()), mine, weights.get(p.id()));
            }).toList());
        }
        return out;
    }

    static Standing standing(ScormPackage p, List<Manifest.Item> items, List<ScoAttempt> attempts) {
        return standing(p, items, attempts, Map.of());
    }

    /**
     * The standing by Stek's rule, weighted as the manifest says when {@code weights} (per item: its weight in the
     * progress and in the score, see {@link Sequencing#weights}) has them: progress is the completed share of the
     * progress weights, an item of weight 0 (its rollup leaves completion out) does not count for completion, and
     * the score is the mean of the item scores weighted by their objective measure weights (the plain mean when
     * every weight is 0).
     */
    static Standing standing(ScormPackage p, List<Manifest.Item> items, List<ScoAttempt> attempts,
                             Map<String, double[]> weights) {
        List<Manifest.Item> launchable = items.stream().filter(Manifest.Item::launchable).toList();
        boolean weighted = launchable.stream().anyMatch(i -> weights.containsKey(i.id()));
        int done = 0;
        int counted = 0;
        int doneCounted = 0;
        double weightDone = 0;
        double weightAll = 0;
        boolean anyFailed = false;
        boolean allPassed = true;
        boolean anySuccess = false;
        double scoreSum = 0;
        double scoreWeights = 0;
        List<Double> scores = new ArrayList<>();
        for (Manifest.Item item : launchable) {
            ItemResult r = ItemResult.of(item, attempts);
            double[] w = weights.getOrDefault(item.id(), new double[] {1, 1});
            done += r.completed() ? 1 : 0;
            weightAll += w[0];
            weightDone += r.completed() ? w[0] : 0;
            if (w[0] > 0) {
                counted++;
                doneCounted += r.completed() ? 1 : 0;
            }
            anySuccess |= !"unknown".equals(r.success());
            anyFailed |= "failed".equals(r.success());
            allPassed &= !"failed".equals(r.success());
            if (r.score() != null) {
                scores.add(r.score());
                scoreSum += r.score() * w[1];
                scoreWeights += w[1];
            }
        }
        boolean complete = weighted && counted > 0 ? doneCounted == counted : done == launchable.size();
        String completion = attempts.isEmpty() ? "not attempted" : complete ? "completed" : "incomplete";
        String success = anyFailed ? "failed" : anySuccess && allPassed ? "passed" : "unknown";
        Double score = scores.isEmpty() ? null : weighted && scoreWeights > 0 ? scoreSum / scoreWeights
                : scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double seconds = attempts.stream().mapToDouble(ScoAttempt::totalSeconds).sum();
        String last = attempts.stream().map(ScoAttempt::updatedAt).max(String::compareTo).orElse(null);
        Integer percent = weighted && weightAll > 0 ? (int) Math.floor(weightDone * 100 / weightAll + 1e-9) : null;
        return new Standing(p.slug(), p.title(), url(p), completion, success, score, seconds, last, done,
                launchable.size(), percent);
    }

    static String url(ScormPackage p) {
        return "/scorm/packages/" + p.slug();
    }
}
