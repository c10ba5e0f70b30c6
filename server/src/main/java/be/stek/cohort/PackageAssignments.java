package be.stek.cohort;

import be.stek.progress.GroupAssignment;
import be.stek.progress.LearningRoutes;
import be.stek.scorm.PackageStandings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A learner's SCORM packages for <i>Mijn leertraject</i>, each with what their groups assigned (by which group, by
 * when, overdue when that day has passed and the package is not complete), as for modules.
 */
public final class PackageAssignments {
    private final CohortRepository cohorts;
    private final PackageStandings packages;

    /** One package on the learner's dashboard; {@code assigned} is empty when no group assigned it. */
    public record Card(PackageStandings.Standing standing, List<LearningRoutes.Assigned> assigned) {
        public boolean overdue() {
            return assigned.stream().anyMatch(LearningRoutes.Assigned::overdue);
        }

        /** The soonest due date, or null. */
        public String firstDue() {
            return assigned.stream().map(a -> a.assignment().dueDate()).filter(java.util.Objects::nonNull).sorted()
                    .findFirst().orElse(null);
        }
    }

    public PackageAssignments(CohortRepository cohorts, PackageStandings packages) {
        this.cohorts = cohorts;
        this.packages = packages;
    }

    /** Every package the learner can open, assigned ones first (soonest due date first, none last). */
    public List<Card> of(long learnerId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Europe/Brussels"));
        List<GroupAssignment> mine = cohorts.packagesAssignedTo(learnerId);
        return packages.of(learnerId).stream().map(s -> new Card(s, mine.stream()
                        .filter(a -> a.course().equals(s.slug()))
                        .map(a -> new LearningRoutes.Assigned(a, a.overdue(today, s.complete()))).toList()))
                .sorted(java.util.Comparator.comparing((Card c) -> c.assigned().isEmpty())
                        .thenComparing(c -> c.firstDue() == null ? "9999-12-31" : c.firstDue()))
                .toList();
    }
}
