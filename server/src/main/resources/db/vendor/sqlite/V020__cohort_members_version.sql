-- cohort.members_version grows whenever someone joins or leaves a cohort or changes role in it (also when an account
-- is deleted and its memberships go with it): the facilitator pages' cache of a cohort (cohort/CohortCache) compares
-- it, with the learners' data versions, to know in one short read that nothing it holds is stale.
ALTER TABLE cohort ADD COLUMN members_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER cohort_member_added AFTER INSERT ON cohort_member
BEGIN
    UPDATE cohort SET members_version = members_version + 1 WHERE id = NEW.cohort_id;
END;

CREATE TRIGGER cohort_member_changed AFTER UPDATE ON cohort_member
BEGIN
    UPDATE cohort SET members_version = members_version + 1 WHERE id IN (OLD.cohort_id, NEW.cohort_id);
END;

CREATE TRIGGER cohort_member_removed AFTER DELETE ON cohort_member
BEGIN
    UPDATE cohort SET members_version = members_version + 1 WHERE id = OLD.cohort_id;
END;
