-- SCORM packages (imported zips, extracted under data/scorm/<content_key>/), their items (the table of contents,
-- with the launch values from the manifest), and the run-time data per learner, package, item and attempt.
-- Packages are never deleted (that would delete learner data): an admin archives them instead.

CREATE TABLE scorm_package (
    id             INTEGER PRIMARY KEY,
    slug           TEXT    NOT NULL UNIQUE,
    content_key    TEXT    NOT NULL UNIQUE,
    title          TEXT    NOT NULL,
    version        TEXT    NOT NULL CHECK (version IN ('1.2', '2004')),
    schema_version TEXT    NOT NULL,
    manifest_id    TEXT    NOT NULL,
    file_count     INTEGER NOT NULL,
    size_bytes     INTEGER NOT NULL,
    imported_by    INTEGER REFERENCES learner (id) ON DELETE SET NULL,
    imported_at    TEXT    NOT NULL,
    archived_at    TEXT
);

CREATE TABLE scorm_item (
    package_id           INTEGER NOT NULL REFERENCES scorm_package (id),
    item_id              TEXT    NOT NULL,
    position             INTEGER NOT NULL,
    depth                INTEGER NOT NULL,
    title                TEXT    NOT NULL,
    launch               TEXT,
    scorm_type           TEXT    CHECK (scorm_type IN ('sco', 'asset')),
    mastery_score        REAL,
    scaled_passing_score REAL,
    completion_threshold REAL,
    launch_data          TEXT,
    max_time_allowed     TEXT,
    time_limit_action    TEXT,
    PRIMARY KEY (package_id, item_id)
);

CREATE TABLE scorm_attempt (
    id                INTEGER PRIMARY KEY,
    learner_id        INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    package_id        INTEGER NOT NULL REFERENCES scorm_package (id),
    item_id           TEXT    NOT NULL,
    number            INTEGER NOT NULL,
    completion_status TEXT    NOT NULL DEFAULT 'not attempted'
        CHECK (completion_status IN ('completed', 'incomplete', 'not attempted', 'unknown')),
    success_status    TEXT    NOT NULL DEFAULT 'unknown' CHECK (success_status IN ('passed', 'failed', 'unknown')),
    status_reason     TEXT,
    lesson_status     TEXT,
    score_raw         REAL,
    score_min         REAL,
    score_max         REAL,
    score_scaled      REAL,
    progress_measure  REAL,
    location          TEXT,
    suspend_data      TEXT,
    exit_mode         TEXT,
    total_seconds     REAL    NOT NULL DEFAULT 0,
    cmi               TEXT,
    started_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    ended_at          TEXT,
    UNIQUE (learner_id, package_id, item_id, number)
);
CREATE INDEX scorm_attempt_package ON scorm_attempt (package_id, item_id);

-- One launch of the player. Commits carry the session's id and a sequence number that grows within the session,
-- so a resent or late commit is recognised and not applied twice; a final commit closes the session.
CREATE TABLE scorm_session (
    id               TEXT    PRIMARY KEY,
    attempt_id       INTEGER NOT NULL REFERENCES scorm_attempt (id) ON DELETE CASCADE,
    learner_id       INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    interaction_base INTEGER NOT NULL DEFAULT 0,
    last_sequence    INTEGER NOT NULL DEFAULT 0,
    commits          INTEGER NOT NULL DEFAULT 0,
    session_seconds  REAL    NOT NULL DEFAULT 0,
    started_at       TEXT    NOT NULL,
    last_commit_at   TEXT,
    closed_at        TEXT,
    close_reason     TEXT
);
CREATE INDEX scorm_session_attempt ON scorm_session (attempt_id);

-- Every answer a SCO reports, with the question text (2004 description) so that reports need no guessing.
CREATE TABLE scorm_interaction (
    attempt_id       INTEGER NOT NULL REFERENCES scorm_attempt (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    interaction_id   TEXT    NOT NULL,
    type             TEXT,
    description      TEXT,
    learner_response TEXT,
    correct_pattern  TEXT,
    result           TEXT,
    weighting        TEXT,
    latency          TEXT,
    latency_seconds  REAL,
    stamp            TEXT,
    recorded_at      TEXT    NOT NULL,
    PRIMARY KEY (attempt_id, position)
);
