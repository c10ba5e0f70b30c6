-- Versions of what every node keeps in memory besides learners' data (see V020, V021):
-- * cohort.settings_version grows whenever a module or SCORM package is assigned to the cohort, unassigned, moved or
--   given another due date, and whenever a team session of the cohort opens or closes: the facilitator pages keep a
--   cohort's assignments, and the learner's dashboard what their groups assign and the open team sessions, while the
--   versions they depend on stay the same;
-- * learner.groups_version grows whenever the learner joins or leaves a group or changes role in one (so a learner's
--   groups are known to be the same set while it stays the same);
-- * shared_version 'packages' grows with every change to the SCORM packages or their items (import, replacement,
--   archive): the package catalogue (packages, items, weights) is kept while it stays the same.
-- All three are raised by triggers in the changing transaction, so they commit with the change.
-- shared_version is the database's own bookkeeping: copy-data does not copy it (the target counts its own).
ALTER TABLE cohort ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE learner ADD COLUMN groups_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE shared_version (
    name    TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
);

CREATE TRIGGER cohort_course_added AFTER INSERT ON cohort_course
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = NEW.cohort_id;
END;

CREATE TRIGGER cohort_course_changed AFTER UPDATE ON cohort_course
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id IN (OLD.cohort_id, NEW.cohort_id);
END;

CREATE TRIGGER cohort_course_removed AFTER DELETE ON cohort_course
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = OLD.cohort_id;
END;

CREATE TRIGGER cohort_package_added AFTER INSERT ON cohort_package
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = NEW.cohort_id;
END;

CREATE TRIGGER cohort_package_changed AFTER UPDATE ON cohort_package
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id IN (OLD.cohort_id, NEW.cohort_id);
END;

CREATE TRIGGER cohort_package_removed AFTER DELETE ON cohort_package
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = OLD.cohort_id;
END;

CREATE TRIGGER team_session_added AFTER INSERT ON team_session
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = NEW.cohort_id;
END;

CREATE TRIGGER team_session_changed AFTER UPDATE ON team_session
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id IN (OLD.cohort_id, NEW.cohort_id);
END;

CREATE TRIGGER team_session_removed AFTER DELETE ON team_session
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = OLD.cohort_id;
END;

CREATE TRIGGER learner_groups_added AFTER INSERT ON cohort_member
BEGIN
    UPDATE learner SET groups_version = groups_version + 1 WHERE id = NEW.learner_id;
END;

CREATE TRIGGER learner_groups_changed AFTER UPDATE ON cohort_member
BEGIN
    UPDATE learner SET groups_version = groups_version + 1 WHERE id IN (OLD.learner_id, NEW.learner_id);
END;

CREATE TRIGGER learner_groups_removed AFTER DELETE ON cohort_member
BEGIN
    UPDATE learner SET groups_version = groups_version + 1 WHERE id = OLD.learner_id;
END;

CREATE TRIGGER scorm_package_added AFTER INSERT ON scorm_package
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_package_changed AFTER UPDATE ON scorm_package
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_package_removed AFTER DELETE ON scorm_package
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_item_added AFTER INSERT ON scorm_item
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_item_changed AFTER UPDATE ON scorm_item
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_item_removed AFTER DELETE ON scorm_item
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
