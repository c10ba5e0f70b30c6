-- Spaced review: which graded vignette questions come back for a learner and when, the modules a learner paused,
-- and review sessions with every answer given in them. Review answers never count for a course's score or
-- certificate (those read quiz_attempt and answer only). Deleting the account deletes all of it.

CREATE TABLE review_item (
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    course     TEXT    NOT NULL,
    activity   TEXT    NOT NULL,
    question   TEXT    NOT NULL,
    stage      INTEGER NOT NULL,
    due_at     TEXT,
    last_score REAL    NOT NULL,
    reviews    INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (learner_id, course, activity, question)
);
CREATE INDEX review_item_due ON review_item (learner_id, due_at);

CREATE TABLE review_pause (
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    course     TEXT    NOT NULL,
    paused_at  TEXT    NOT NULL,
    PRIMARY KEY (learner_id, course)
);

CREATE TABLE review_session (
    id          INTEGER PRIMARY KEY,
    learner_id  INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    plan        TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    finished_at TEXT
);
CREATE INDEX review_session_learner ON review_session (learner_id, finished_at);

CREATE TABLE review_answer (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES review_session (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    course        TEXT    NOT NULL,
    activity      TEXT    NOT NULL,
    question      TEXT    NOT NULL,
    question_text TEXT    NOT NULL,
    version       TEXT    NOT NULL,
    options       TEXT    NOT NULL,
    chosen        TEXT    NOT NULL,
    chosen_text   TEXT    NOT NULL,
    score         REAL    NOT NULL,
    answered_at   TEXT    NOT NULL,
    time_ms       INTEGER NOT NULL,
    UNIQUE (session_id, position)
);
CREATE INDEX review_answer_question ON review_answer (course, activity, question);
