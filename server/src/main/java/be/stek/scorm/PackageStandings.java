package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.LearnerCache;
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
    /** Each learner's standings, kept while their data version and the catalogue's version stay the same. */
    private final LearnerCache cache;

    PackageStandings(Database db, PackageRepository packages) {
        this.db = db;
        this.packages = packages;
        this.cache = new LearnerCache(db.versions());
    }

    /** Every package learners can open (archived ones left out). */
    public List<Entry> catalogue() {
        PackageRepository.Visible visible = packages.visible();
        return visible.packages().stream().map(p -> new Entry(p.slug(), p.title(), p.versionLabel(), url(p),
                (int) visible.items().get(p.id()).stream().filter(Manifest.Item::launchable).count())).toList();
    }

    /**
     * The learner's standing in every package learners can open: kept per learner until they commit in a package
     * (a SCORM commit raises their data version) or the catalogue changes.
     */
    public List<Standing> of(long learnerId) {
        PackageRepository.Visible visible = packages.visible();
        return cache.get(learnerId, "packages@" + visible.version(), () -> {
            Map<Long, List<ScoAttempt>> attempts = db.read(c -> Sql.list(c,
                    "SELECT * FROM scorm_attempt WHERE learner_id = ?", CmiStore::attempt, learnerId)).stream()
                    .collect(Collectors.groupingBy(ScoAttempt::packageId));
            return standings(visible, attempts);
        });
    }

    /** Each visible package's standing from a learner's attempts (by package version). */
    private static List<Standing> standings(PackageRepository.Visible visible,
                                            Map<Long, List<ScoAttempt>> byVersion) {
        return visible.packages().stream().map(p -> {
            List<ScoAttempt> mine = new ArrayList<>();
            visible.lineages().get(p.id()).forEach(version -> mine.addAll(byVersion.getOrDefault(version, List.of())));
            return standing(p, visible.items().get(p.id()), mine, visible.weights().get(p.id()));
        }).toList();
    }

    /** A learner's standing in a package with each item's result: the attempt that counts and the latest one. */
    public record Detail(Standing standing, List<Toc> items) {
    }

    /** The learner's standing and item results in every package learners can open, as the package page shows them. */
    public List<Detail> details(long learnerId) {
        List<ScoAttempt> attempts = db.read(c -> Sql.list(c, "SELECT * FROM scorm_attempt WHERE learner_id = ?",
                CmiStore::attempt, learnerId));
        PackageRepository.Visible visible = packages.visible();
        List<Detail> out = new ArrayList<>();
        for (ScormPackage p : visible.packages()) {
            List<Long> lineage = visible.lineages().get(p.id());
            List<ScoAttempt> mine = attempts.stream().filter(a -> lineage.contains(a.packageId())).toList();
            List<Manifest.Item> items = visible.items().get(p.id());
            out.add(new Detail(standing(p, items, mine, visible.weights().get(p.id())), Toc.of(p, items, mine)));
        }
        return out;
    }

    /**
     * The standings of many learners at once: one query for their attempts (in chunks of 500 learners), the packages
     * and their items as kept (see {@link PackageRepository#visible}).
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
        PackageRepository.Visible visible = packages.visible();
        Map<Long, List<Standing>> out = new java.util.HashMap<>();
        for (Long learner : learnerIds) {
            out.put(learner, standings(visible, attempts.getOrDefault(learner, List.of()).stream()
                    .collect(Collectors.groupingBy(ScoAttempt::packageId))));
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
