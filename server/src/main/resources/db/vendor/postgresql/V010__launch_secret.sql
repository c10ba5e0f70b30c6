-- Keys the server keeps across restarts (and shares between processes on one database): the key that signs SCORM
-- launch tokens, which authorise a player's package content and commits on the content origin. (PostgreSQL: bytea,
-- and 32 random bytes from two random UUIDs, which needs no extension.)
CREATE TABLE server_secret (
    name       TEXT PRIMARY KEY,
    value      BYTEA NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO server_secret (name, value, created_at)
VALUES ('scorm-launch',
        decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'),
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
