-- cohort.members_version grows whenever someone joins or leaves a cohort or changes role in it (also when an account
-- is deleted and its memberships go with it): the facilitator pages' cache of a cohort (cohort/CohortCache) compares
-- it, with the learners' data versions, to know in one short read that nothing it holds is stale.
ALTER TABLE cohort ADD COLUMN members_version INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION cohort_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE cohort SET members_version = members_version + 1 WHERE id = OLD.cohort_id;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.cohort_id <> OLD.cohort_id) THEN
        UPDATE cohort SET members_version = members_version + 1 WHERE id = NEW.cohort_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER cohort_member_changed AFTER INSERT OR UPDATE OR DELETE ON cohort_member
    FOR EACH ROW EXECUTE FUNCTION cohort_members_changed();
