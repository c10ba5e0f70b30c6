-- Courses assigned to a cohort (with an optional due date) and team reflection sessions.

CREATE TABLE cohort_course (
    cohort_id  INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    course     TEXT    NOT NULL,
    due_date   TEXT,
    PRIMARY KEY (cohort_id, course)
);

CREATE TABLE team_session (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    facilitator_id INTEGER REFERENCES learner (id) ON DELETE SET NULL,
    course         TEXT    NOT NULL,
    activity       TEXT    NOT NULL,
    question       TEXT,
    min_answers    INTEGER NOT NULL,
    opened_at      TEXT    NOT NULL,
    closed_at      TEXT
);
CREATE INDEX team_session_cohort ON team_session (cohort_id);

-- Who answered is kept only to allow one answer per member; it is never shown.
CREATE TABLE team_answer (
    session_id  INTEGER NOT NULL REFERENCES team_session (id) ON DELETE CASCADE,
    learner_id  INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    choice      TEXT,
    body        TEXT,
    answered_at TEXT    NOT NULL,
    PRIMARY KEY (session_id, learner_id)
);
