-- PostgreSQL copy of V006 (db/vendor/sqlite). The SQLite copy first repairs answers that versions before it could
-- store (duplicate positions, vignette attempts left open); a PostgreSQL database never held such data, so here only
-- the rules that refuse it from now on are created.

-- One answer per question already holds (UNIQUE (attempt_id, question) in V002); now also one per position.
CREATE UNIQUE INDEX answer_attempt_position ON answer (attempt_id, position);

-- An invitation code is never used more often than its limit, whatever the code that counts the uses does.
CREATE FUNCTION invitation_within_limit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.max_uses IS NOT NULL AND NEW.uses > NEW.max_uses THEN
        RAISE EXCEPTION 'invitation code used up' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER invitation_within_limit
    BEFORE UPDATE OF uses ON invitation
    FOR EACH ROW EXECUTE FUNCTION invitation_within_limit();
