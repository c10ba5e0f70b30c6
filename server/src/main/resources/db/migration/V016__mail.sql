-- E-mail: password reset links, each person's mail preferences, and the reminders already sent.
-- * password_reset: one row per reset link asked for; only the token's hash is stored. A link works once
--   (used_at set in the same transaction as the new password) and until expires_at. Rows older than a day go.
-- * mail_preference: a row only for people who changed a default (reminders and team-session news are on).
-- * reminder_sent: a reminder before a due date ('before') and on the day after it ('overdue'), claimed by an insert
--   that conflicts, so that a reminder goes out once even when several nodes sweep at the same time. A new due
--   date is a new reminder.
-- Everything goes with the account (ON DELETE CASCADE) and is part of the data export (section "mail").
CREATE TABLE password_reset (
    token_hash TEXT    PRIMARY KEY,
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT
);
CREATE INDEX password_reset_learner ON password_reset (learner_id);
CREATE INDEX password_reset_created ON password_reset (created_at);

CREATE TABLE mail_preference (
    learner_id   INTEGER NOT NULL UNIQUE REFERENCES learner (id) ON DELETE CASCADE,
    reminders    INTEGER NOT NULL,
    session_news INTEGER NOT NULL,
    updated_at   TEXT    NOT NULL
);

CREATE TABLE reminder_sent (
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    course     TEXT    NOT NULL,
    due_date   TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('before', 'overdue')),
    sent_at    TEXT    NOT NULL,
    PRIMARY KEY (learner_id, course, due_date, kind)
);
