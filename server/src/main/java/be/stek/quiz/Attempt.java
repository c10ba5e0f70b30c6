package be.stek.quiz;

/** One attempt of a learner at a vignette or branching vignette. */
public record Attempt(long id, long learnerId, String course, String activity, String kind, int number,
                      String version, Plan plan, String currentStep, String ending, String startedAt,
                      String finishedAt, Double score, boolean graded) {

    public boolean finished() {
        return finishedAt != null;
    }
}
