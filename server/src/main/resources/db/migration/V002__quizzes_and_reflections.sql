-- Vignette and branching attempts, every answer with the text it was given, and private reflections.

CREATE TABLE quiz_attempt (
    id           INTEGER PRIMARY KEY,
    learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    course       TEXT    NOT NULL,
    activity     TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('vignette', 'branching')),
    number       INTEGER NOT NULL,
    version      TEXT    NOT NULL,
    plan         TEXT    NOT NULL,
    current_step TEXT,
    ending       TEXT,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT,
    score        REAL,
    graded       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (learner_id, course, activity, number)
);
CREATE INDEX quiz_attempt_course ON quiz_attempt (course, activity);

CREATE TABLE answer (
    id             INTEGER PRIMARY KEY,
    attempt_id     INTEGER NOT NULL REFERENCES quiz_attempt (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    question       TEXT    NOT NULL,
    question_text  TEXT    NOT NULL,
    question_kind  TEXT    NOT NULL,
    version        TEXT    NOT NULL,
    options        TEXT    NOT NULL,
    chosen         TEXT    NOT NULL,
    chosen_text    TEXT    NOT NULL,
    score          REAL    NOT NULL,
    answered_at    TEXT    NOT NULL,
    time_ms        INTEGER NOT NULL,
    UNIQUE (attempt_id, question)
);

CREATE TABLE reflection (
    id          INTEGER PRIMARY KEY,
    learner_id  INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    course      TEXT    NOT NULL,
    prompt      TEXT    NOT NULL,
    prompt_text TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    nonce       TEXT    NOT NULL,
    written_at  TEXT    NOT NULL,
    UNIQUE (learner_id, nonce)
);
CREATE INDEX reflection_course ON reflection (learner_id, course, written_at);
