-- Live team sessions.
-- * team_session.join_code: a short code members type on /code (6 characters from an alphabet without look-alikes);
--   unique among open sessions only, so a code can come back once its session is closed. Sessions opened before
--   this migration have none and are joined through their address.
-- * team_join_failure: the wrong codes a person typed, counted per person (keyed by a hash, like login_failure) in
--   the database so that every node counts the same; a throttle against guessing, swept as it goes.
ALTER TABLE team_session ADD COLUMN join_code TEXT;
CREATE UNIQUE INDEX team_session_open_code ON team_session (join_code) WHERE closed_at IS NULL;

CREATE TABLE team_join_failure (
    key_hash TEXT    PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_at TEXT    NOT NULL
);
CREATE INDEX team_join_failure_first ON team_join_failure (first_at);
