package be.stek.quiz;

/** A step of a branching vignette already taken: the situation, the choice made and its feedback. */
public record StepView(int number, Branching.Step step, Branching.Choice choice, String chosenText, double score) {
}
