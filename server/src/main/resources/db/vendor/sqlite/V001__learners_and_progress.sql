-- Accounts, sessions, cohorts with invitation codes, and lesson progress.
-- Timestamps are UTC ISO-8601 text. Courses live in files; rows refer to them by slug.

CREATE TABLE learner (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: ids in caches and exports stay unambiguous
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('learner', 'facilitator', 'admin')),
    language      TEXT    CHECK (language IN ('nl', 'en')),
    created_at    TEXT    NOT NULL
);

CREATE TABLE session (
    token_hash  TEXT    PRIMARY KEY,
    learner_id  INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL
);
CREATE INDEX session_learner ON session (learner_id);

CREATE TABLE cohort (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    created_by  INTEGER REFERENCES learner (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE cohort_member (
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    learner_id  INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL DEFAULT 'learner' CHECK (role IN ('learner', 'facilitator')),
    joined_at   TEXT    NOT NULL,
    PRIMARY KEY (cohort_id, learner_id)
);
CREATE INDEX cohort_member_learner ON cohort_member (learner_id);

CREATE TABLE invitation (
    code        TEXT    PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL DEFAULT 'learner' CHECK (role IN ('learner', 'facilitator')),
    expires_at  TEXT,
    max_uses    INTEGER,
    uses        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);

CREATE TABLE lesson_progress (
    learner_id  INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    course      TEXT    NOT NULL,
    lesson      TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('started', 'done')),
    first_seen  TEXT    NOT NULL,
    last_seen   TEXT    NOT NULL,
    done_at     TEXT,
    PRIMARY KEY (learner_id, course, lesson)
);
CREATE INDEX lesson_progress_recent ON lesson_progress (learner_id, course, last_seen);
