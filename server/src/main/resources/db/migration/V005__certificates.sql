-- Certificates: issued once per learner and course, with what the certificate says, so that a later download
-- and the public verification page show the same facts even when the course or the account name changes.
-- The code is the public verification code (typable, random); deleting the account deletes its certificates.

CREATE TABLE certificate (
    code           TEXT    PRIMARY KEY,
    learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    course         TEXT    NOT NULL,
    course_title   TEXT    NOT NULL,
    course_version TEXT    NOT NULL,
    learner_name   TEXT    NOT NULL,
    completed_at   TEXT    NOT NULL,
    minutes        INTEGER NOT NULL,
    issued_at      TEXT    NOT NULL,
    UNIQUE (learner_id, course)
);
