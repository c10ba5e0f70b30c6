package be.stek.progress;

import java.time.LocalDate;

/**
 * A course a learner's group assigned, with its due date (YYYY-MM-DD, or null) and the group's name. Filled by the
 * cohort feature; the progress feature only shows it.
 */
public record GroupAssignment(String course, String dueDate, String cohortName) {

    /** True when the due date has passed ({@code today} in Brussels) and the course is not complete. */
    public boolean overdue(LocalDate today, boolean complete) {
        return dueDate != null && !complete && LocalDate.parse(dueDate).isBefore(today);
    }
}
