package be.stek.cohort;

/** A group of learners following courses together, e.g. "Vroedkunde 1e bach 2026". */
public record Cohort(long id, String name, String createdAt, int members) {
}
