-- SCORM objectives. Items keep the objectives their manifest declares (JSON: id, primary, and the global objectives
-- each reads and writes), so that a SCO finds them in cmi.objectives at launch. Every attempt keeps the objectives its
-- SCO reported, and every learner keeps, per package, the global objectives SCOs wrote (mapInfo with
-- writeSatisfiedStatus / writeNormalizedMeasure), which other SCOs of the package read at their launch.

ALTER TABLE scorm_item ADD COLUMN objectives TEXT;

CREATE TABLE scorm_objective (
    attempt_id        INTEGER NOT NULL REFERENCES scorm_attempt (id) ON DELETE CASCADE,
    objective_id      TEXT    NOT NULL,
    position          INTEGER NOT NULL,
    success_status    TEXT,
    completion_status TEXT,
    score_scaled      REAL,
    score_raw         REAL,
    score_min         REAL,
    score_max         REAL,
    progress_measure  REAL,
    description       TEXT,
    updated_at        TEXT    NOT NULL,
    PRIMARY KEY (attempt_id, objective_id)
);

CREATE TABLE scorm_global_objective (
    learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    package_id   INTEGER NOT NULL REFERENCES scorm_package (id),
    objective_id TEXT    NOT NULL,
    satisfied    INTEGER CHECK (satisfied IN (0, 1)),
    measure      REAL,
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (learner_id, package_id, objective_id)
);
