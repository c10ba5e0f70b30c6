-- Versions of what every node keeps in memory besides learners' data (see V020, V021):
-- * cohort.settings_version grows whenever a module or SCORM package is assigned to the cohort, unassigned, moved or
--   given another due date, and whenever a team session of the cohort opens or closes: the facilitator pages keep a
--   cohort's assignments, and the learner's dashboard what their groups assign and the open team sessions, while the
--   versions they depend on stay the same;
-- * learner.groups_version grows whenever the learner joins or leaves a group or changes role in one (so a learner's
--   groups are known to be the same set while it stays the same);
-- * shared_version 'packages' grows with every change to the SCORM packages or their items (import, replacement,
--   archive): the package catalogue (packages, items, weights) is kept while it stays the same.
-- All three are raised by triggers in the changing transaction, so they commit with the change, on every node at once.
-- shared_version is the database's own bookkeeping: copy-data does not copy it (the target counts its own).
ALTER TABLE cohort ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION cohort_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE cohort SET settings_version = settings_version + 1 WHERE id = OLD.cohort_id;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.cohort_id <> OLD.cohort_id) THEN
        UPDATE cohort SET settings_version = settings_version + 1 WHERE id = NEW.cohort_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER cohort_course_changed AFTER INSERT OR UPDATE OR DELETE ON cohort_course
    FOR EACH ROW EXECUTE FUNCTION cohort_settings_changed();
CREATE TRIGGER cohort_package_changed AFTER INSERT OR UPDATE OR DELETE ON cohort_package
    FOR EACH ROW EXECUTE FUNCTION cohort_settings_changed();
CREATE TRIGGER team_session_changed AFTER INSERT OR UPDATE OR DELETE ON team_session
    FOR EACH ROW EXECUTE FUNCTION cohort_settings_changed();

ALTER TABLE learner ADD COLUMN groups_version INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION learner_groups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE learner SET groups_version = groups_version + 1 WHERE id = OLD.learner_id;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.learner_id <> OLD.learner_id) THEN
        UPDATE learner SET groups_version = groups_version + 1 WHERE id = NEW.learner_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER learner_groups_changed AFTER INSERT OR UPDATE OR DELETE ON cohort_member
    FOR EACH ROW EXECUTE FUNCTION learner_groups_changed();

CREATE TABLE shared_version (
    name    TEXT   NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE FUNCTION packages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = shared_version.version + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER scorm_package_changed AFTER INSERT OR UPDATE OR DELETE ON scorm_package
    FOR EACH STATEMENT EXECUTE FUNCTION packages_changed();
CREATE TRIGGER scorm_item_changed AFTER INSERT OR UPDATE OR DELETE ON scorm_item
    FOR EACH STATEMENT EXECUTE FUNCTION packages_changed();
