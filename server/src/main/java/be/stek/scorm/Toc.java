package be.stek.scorm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A package's table of contents as pages show it: each item with the learner's result for it (the best of their
 * attempts, see {@link ItemResult}), which also names the latest attempt.
 */
public record Toc(Manifest.Item item, String url, ItemResult result) {

    static List<Toc> of(ScormPackage p, List<Manifest.Item> items, List<ScoAttempt> attempts) {
        return items.stream().map(i -> new Toc(i, i.launchable() ? playUrl(p, i) : null, ItemResult.of(i, attempts)))
                .toList();
    }

    /** The latest attempt, or null. */
    public ScoAttempt attempt() {
        return result.latest();
    }

    /** The launchable item before or after this one, for the player's previous and next links. */
    static Optional<Toc> neighbour(List<Toc> toc, Manifest.Item current, int step) {
        List<Toc> launchable = toc.stream().filter(t -> t.item().launchable()).toList();
        int i = -1;
        for (int k = 0; k < launchable.size(); k++) {
            if (launchable.get(k).item().id().equals(current.id())) {
                i = k;
            }
        }
        int j = i + step;
        return i < 0 || j < 0 || j >= launchable.size() ? Optional.empty() : Optional.of(launchable.get(j));
    }

    static String playUrl(ScormPackage p, Manifest.Item item) {
        return playUrl(p, item.id());
    }

    static String playUrl(ScormPackage p, String itemId) {
        return PackageStandings.url(p) + "/play/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
