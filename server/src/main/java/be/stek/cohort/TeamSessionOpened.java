package be.stek.cohort;

/**
 * Hears that a facilitator opened a team session, after it is stored (the members get a short mail). It must not
 * throw and must not keep the request waiting: the opening is done whatever happens here.
 */
@FunctionalInterface
public interface TeamSessionOpened {
    /** A session just opened: its cohort, its id, who opened it and what it asks (module and item titles). */
    record Session(long cohortId, String cohortName, long sessionId, long openedBy, String courseTitle, String itemTitle) {
    }

    TeamSessionOpened NOBODY = session -> { };

    void opened(Session session);
}
