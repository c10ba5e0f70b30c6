package be.stek.quiz;

import be.stek.course.Activity;

/** A reflection prompt: free text, private, not graded. {@code team} marks prompts suited to a team session. */
public record Reflection(String id, String title, String prompt, String promptHtml, boolean team, String lesson)
        implements Activity {

    @Override
    public String kind() {
        return "reflection";
    }

    @Override
    public boolean graded() {
        return false;
    }
}
