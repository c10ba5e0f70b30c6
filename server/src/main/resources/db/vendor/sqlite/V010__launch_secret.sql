-- Keys the server keeps across restarts (and shares between processes on one database): the key that signs SCORM
-- launch tokens, which authorise a player's package content and commits on the content origin.
CREATE TABLE server_secret (
    name       TEXT PRIMARY KEY,
    value      BLOB NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO server_secret (name, value, created_at)
VALUES ('scorm-launch', randomblob(32), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
