-- Several Stek nodes on one database (PostgreSQL): what one node knows, every node must know at once.
-- * learner.data_version grows with every change to a learner's progress, answers or journal: a node's cache of
--   that learner is good only while it holds the version it was read at (see store/Versions).
-- * login_failure: the password-guessing counts, per account and per address, keyed by a hash (no address stored).
-- * setup_token: the one-time link for the first admin (only its hash), valid on whichever node it lands.
ALTER TABLE learner ADD COLUMN data_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE login_failure (
    key_hash TEXT    PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  TEXT    NOT NULL
);
CREATE INDEX login_failure_last ON login_failure (last_at);

CREATE TABLE setup_token (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
